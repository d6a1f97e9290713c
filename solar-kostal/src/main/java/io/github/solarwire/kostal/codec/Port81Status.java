package io.github.solarwire.kostal.codec;

/**
 * The port-81 status (command 0x57).
 *
 * @param code the status code: 0 off, 1 idle, 2 starting, 3 feeding MPP, 4 feeding regulated, 5
 *     feeding; other values are passed on
 * @param errorFlag the error flag byte
 * @param errorCode the error code
 */
public record Port81Status(int code, int errorFlag, int errorCode) {

    private static final String[] TEXT = {"Off", "Idle", "Starting", "Feeding MPP", "Feeding regulated", "Feeding"};

    /**
     * The status in English words, the same words {@link PikoState#of} recognises.
     *
     * @return e.g. {@code "Feeding MPP"}, or {@code "Unknown (9)"}
     */
    public String text() {
        return code >= 0 && code < TEXT.length ? TEXT[code] : "Unknown (" + code + ")";
    }
}
