package io.github.solarwire.kostal.codec;

/**
 * The commands of the PIKO binary protocol on TCP port 81, with the payload length of their
 * responses (the bytes between the 5-byte header and the 2-byte trailer).
 */
public enum Port81Command {
    /** 0x57: status code, error flag, error code. */
    STATUS(0x57, 4, 4),
    /** 0x45: total energy, u32 Wh. */
    TOTAL_ENERGY(0x45, 4, 4),
    /** 0x9D: energy of the day, u32 Wh. */
    TODAY_ENERGY(0x9D, 4, 4),
    /** 0x43: DC and AC measurements; the response is longer than 65 bytes. */
    TECHNICAL_DATA(0x43, 58, 128),
    /** 0x90: model text (16 characters), number of strings and of phases. */
    MODEL(0x90, 24, 64),
    /** 0x8A: three u16 version numbers. */
    VERSIONS(0x8A, 6, 16),
    /** 0x44: inverter name, 15 characters. */
    NAME(0x44, 15, 32),
    /** 0x50: serial number: 13 ASCII characters, or 5 BCD bytes in a 12-byte response. */
    SERIAL(0x50, 5, 13),
    /** 0x51: article number, u32. */
    ARTICLE_NUMBER(0x51, 4, 4),
    /** 0x46: running time, u32 s. */
    RUNNING_TIME(0x46, 4, 4),
    /** 0x5B: installed time, u32 s. */
    INSTALLED_TIME(0x5B, 4, 4),
    /** 0x5D: time since the last history update, u32 s. */
    LAST_HISTORY_UPDATE(0x5D, 4, 4),
    /** 0x5E: history interval, u32 s. */
    HISTORY_INTERVAL(0x5E, 4, 4),
    /** 0x92: portal upload timer, u32 s. */
    PORTAL_UPLOAD_TIMER(0x92, 4, 4),
    /** 0xA6: portal name, 32 characters. */
    PORTAL_NAME(0xA6, 32, 32);

    private final int code;
    private final int minPayload;
    private final int maxPayload;

    Port81Command(int code, int minPayload, int maxPayload) {
        this.code = code;
        this.minPayload = minPayload;
        this.maxPayload = maxPayload;
    }

    /**
     * The command byte.
     *
     * @return 0x00 to 0xFF
     */
    public int code() {
        return code;
    }

    /**
     * The shortest payload a valid response carries.
     *
     * @return bytes
     */
    public int minPayload() {
        return minPayload;
    }

    /**
     * The longest payload accepted in a response.
     *
     * @return bytes
     */
    public int maxPayload() {
        return maxPayload;
    }

    /**
     * The command of a command byte.
     *
     * @param code the byte, 0 to 255
     * @return the command
     * @throws IllegalArgumentException when no command has that byte
     */
    public static Port81Command of(int code) {
        for (Port81Command c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        throw new IllegalArgumentException(String.format("no port-81 command 0x%02X", code));
    }
}
