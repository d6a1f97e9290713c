package io.github.solarwire.solaredge.telemetry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Writes the same bytes as {@link SemonitorJson#line} straight into one reusable byte buffer: keys
 * in their fixed sorted order per record kind, no maps, Date and Time cached per second, and
 * {@link SemonitorJson#pythonRepr} memoized per double (telemetry values repeat). Messages with
 * battery, meter or unknown records take the map-based path. Not thread-safe: one per stream.
 */
public final class SemonitorLineWriter {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);
    private static final Comparator<TelemetryRecord> BY_ID = Comparator.comparing(TelemetryRecord::deviceId);
    private static final int CACHE = 1 << 13;

    private final ZoneId zone;
    private byte[] buf = new byte[1 << 16];
    private int len;
    private long cachedSecond = Long.MIN_VALUE;
    private final byte[] date = new byte[10];
    private final byte[] time = new byte[8];
    private final long[] reprBits = new long[CACHE];
    private final byte[][] reprText = new byte[CACHE][];
    private final List<TelemetryRecord> inverters = new ArrayList<>();
    private final List<TelemetryRecord> optimizers = new ArrayList<>();
    private final List<TelemetryRecord> events = new ArrayList<>();

    /**
     * A writer.
     *
     * @param zone the time zone for Date, Time and event times
     */
    public SemonitorLineWriter(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * Writes one message's line (without newline) into {@link #buffer()}, replacing the previous.
     *
     * @param records the message's records, in payload order
     * @return the line's length in bytes
     */
    public int line(List<TelemetryRecord> records) {
        len = 0;
        inverters.clear();
        optimizers.clear();
        events.clear();
        for (TelemetryRecord r : records) {
            if (r instanceof SinglePhaseInverterRecord || r instanceof ThreePhaseInverterRecord) {
                inverters.add(r);
            } else if (r instanceof LegacyOptimizerRecord
                    || r instanceof PackedOptimizerRecord
                    || r instanceof S440OptimizerRecord) {
                optimizers.add(r);
            } else if (r instanceof EventRecord) {
                events.add(r);
            } else {
                byte[] text = SemonitorJson.line(records, zone).getBytes(StandardCharsets.ISO_8859_1);
                ensure(text.length);
                System.arraycopy(text, 0, buf, 0, text.length);
                len = text.length;
                return len;
            }
        }
        ascii("{\"events\": ");
        category(events);
        ascii(", \"inverters\": ");
        category(inverters);
        ascii(", \"optimizers\": ");
        category(optimizers);
        put('}');
        return len;
    }

    /**
     * The buffer holding the last line; valid up to {@link #line}'s result.
     *
     * @return the buffer (not a copy)
     */
    public byte[] buffer() {
        return buf;
    }

    private void category(List<TelemetryRecord> list) {
        put('{');
        // Sorted by id; a later record with the same id replaces an earlier one, as in the peer.
        list.sort(BY_ID);
        boolean first = true;
        for (int i = 0; i < list.size(); i++) {
            TelemetryRecord r = list.get(i);
            if (i + 1 < list.size() && list.get(i + 1).deviceId().equals(r.deviceId())) {
                continue;
            }
            if (!first) {
                ascii(", ");
            }
            first = false;
            string(r.deviceId());
            ascii(": {");
            record(r);
            put('}');
        }
        put('}');
    }

    private void record(TelemetryRecord rec) {
        if (rec instanceof SinglePhaseInverterRecord r) {
            date(r.timestamp());
            key(", \"Eac\": ", r.energyInterval());
            key(", \"Eday\": ", r.energyToday());
            key(", \"Etot\": ", r.energyTotal());
            key(", \"Freq\": ", r.frequency());
            key(", \"ID\": ", r.deviceId());
            key(", \"Iac\": ", r.acCurrent());
            key(", \"Interval\": ", r.interval());
            key(", \"Pac\": ", r.acPower());
            key(", \"Pmax\": ", r.pmax());
            key(", \"Temp\": ", r.temperature());
            time();
            key(", \"Uptime\": ", r.uptime());
            key(", \"Vac\": ", r.acVoltage());
            key(", \"Vdc\": ", r.dcVoltage());
        } else if (rec instanceof ThreePhaseInverterRecord r) {
            ascii("\"CosPhi1\": ");
            repr(r.cosPhi1());
            key(", \"CosPhi2\": ", r.cosPhi2());
            key(", \"CosPhi3\": ", r.cosPhi3());
            ascii(", ");
            date(r.timestamp());
            key(", \"Eac\": ", r.energyInterval());
            key(", \"Eday\": ", r.energyToday());
            key(", \"EdayDC\": ", r.edayDc());
            key(", \"Edc\": ", r.edc());
            key(", \"Etot\": ", r.energyTotal());
            key(", \"Freq1\": ", r.frequency1());
            key(", \"Freq2\": ", r.frequency2());
            key(", \"Freq3\": ", r.frequency3());
            key(", \"GndFrR\": ", r.groundFaultResistance());
            key(", \"ID\": ", r.deviceId());
            key(", \"Iac1\": ", r.acCurrent1());
            key(", \"Iac2\": ", r.acCurrent2());
            key(", \"Iac3\": ", r.acCurrent3());
            key(", \"Idc\": ", r.idc());
            key(", \"Interval\": ", r.interval());
            key(", \"IoutDC\": ", r.outputDcCurrent());
            key(", \"Irdc\": ", r.irdc());
            key(", \"Temp\": ", r.temperature());
            time();
            key(", \"Uptime\": ", r.uptime());
            key(", \"Vac1\": ", r.acVoltage1());
            key(", \"Vac2\": ", r.acVoltage2());
            key(", \"Vac3\": ", r.acVoltage3());
            key(", \"Vdc\": ", r.dcVoltage());
            key(", \"data21\": ", r.data21());
            key(", \"data22\": ", r.data22());
            key(", \"data23\": ", r.data23());
            key(", \"data29\": ", r.data29());
            key(", \"data31\": ", r.data31());
            key(", \"mode\": ", r.mode());
        } else if (rec instanceof LegacyOptimizerRecord r) {
            optimizer(r.timestamp(), r.energyToday(), r.deviceId(), r.moduleCurrent(), r.inverterId());
            key(", \"Temp\": ", r.temperature());
            optimizerTail(r.uptime(), r.moduleVoltage(), r.outputVoltage());
        } else if (rec instanceof PackedOptimizerRecord r) {
            optimizer(r.timestamp(), r.energyToday(), r.deviceId(), r.moduleCurrent(), null);
            key(", \"Temp\": ", r.temperature());
            optimizerTail(r.uptime(), r.moduleVoltage(), r.outputVoltage());
        } else if (rec instanceof S440OptimizerRecord r) {
            date(r.timestamp());
            key(", \"Eday\": ", 0L);
            key(", \"ID\": ", r.deviceId());
            key(", \"Imod\": ", r.moduleCurrent());
            key(", \"Inverter\": ", 0L);
            key(", \"Temp\": ", 0L);
            optimizerTail(r.uptime(), r.moduleVoltage(), r.outputVoltage());
        } else if (rec instanceof EventRecord r) {
            date(r.timestamp());
            key(", \"Event1\": ", asctime(r.event1()));
            if (r.type() == 0) {
                key(", \"Event2\": ", asctime(r.event2()));
                key(", \"Event3\": ", r.event3());
            } else {
                key(", \"Event2\": ", (long) r.event2());
                key(", \"Event3\": ", asctime(r.event3()));
            }
            key(", \"ID\": ", r.deviceId());
            time();
            key(", \"Type\": ", r.type());
        }
    }

    private void optimizer(long timestamp, double eday, String id, double imod, String inverter) {
        date(timestamp);
        key(", \"Eday\": ", eday);
        key(", \"ID\": ", id);
        key(", \"Imod\": ", imod);
        if (inverter == null) {
            key(", \"Inverter\": ", 0L);
        } else {
            key(", \"Inverter\": ", inverter);
        }
    }

    private void optimizerTail(long uptime, double vmod, double vopt) {
        time();
        key(", \"Uptime\": ", uptime);
        key(", \"Vmod\": ", vmod);
        key(", \"Vopt\": ", vopt);
    }

    /** Writes {@code "Date": "..."} and remembers the second for {@link #time()}. */
    private void date(long timestamp) {
        if (timestamp != cachedSecond) {
            ZonedDateTime t = Instant.ofEpochSecond(timestamp).atZone(zone);
            // Timestamps are u32 seconds: years 1969 to 2106, always 10 and 8 characters.
            System.arraycopy(DATE.format(t).getBytes(StandardCharsets.ISO_8859_1), 0, date, 0, 10);
            System.arraycopy(TIME.format(t).getBytes(StandardCharsets.ISO_8859_1), 0, time, 0, 8);
            cachedSecond = timestamp;
        }
        ascii("\"Date\": \"");
        bytes(date);
        put('"');
    }

    private void time() {
        ascii(", \"Time\": \"");
        bytes(time);
        put('"');
    }

    private String asctime(long epochSeconds) {
        return ASCTIME.format(Instant.ofEpochSecond(epochSeconds).atZone(zone));
    }

    private void key(String prefix, double v) {
        ascii(prefix);
        repr(v);
    }

    private void key(String prefix, long v) {
        ascii(prefix);
        ensure(20);
        if (v < 0) {
            buf[len++] = '-';
            if (v == Long.MIN_VALUE) {
                ascii("9223372036854775808");
                return;
            }
            v = -v;
        }
        int start = len;
        do {
            buf[len++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        for (int i = start, j = len - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    private void key(String prefix, String v) {
        ascii(prefix);
        string(v);
    }

    private void repr(double d) {
        long bits = Double.doubleToRawLongBits(d);
        int slot = (int) (bits ^ bits >>> 29 ^ bits >>> 47) & (CACHE - 1);
        byte[] text = reprText[slot];
        if (text == null || reprBits[slot] != bits) {
            text = Repr.of(d).getBytes(StandardCharsets.ISO_8859_1);
            reprText[slot] = text;
            reprBits[slot] = bits;
        }
        bytes(text);
    }

    private void string(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                // Rare: the reference writer escapes it.
                ascii(SemonitorJson.quote(s));
                return;
            }
        }
        ensure(s.length() + 2);
        buf[len++] = '"';
        latin1(s);
        buf[len++] = '"';
    }

    private void ascii(String s) {
        ensure(s.length());
        latin1(s);
    }

    private void latin1(String s) {
        for (int i = 0; i < s.length(); i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    private void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
    }

    private void put(char c) {
        ensure(1);
        buf[len++] = (byte) c;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
