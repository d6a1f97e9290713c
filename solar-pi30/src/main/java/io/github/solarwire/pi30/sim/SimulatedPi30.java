package io.github.solarwire.pi30.sim;

import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.core.sim.SolarDay;
import io.github.solarwire.pi30.codec.Pi30Crc;
import io.github.solarwire.pi30.codec.Pi30Protocol;
import io.github.solarwire.pi30.codec.Pi30Request;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A PI30 inverter as the protocol sees it: it answers request frames with reply frames, from a
 * plausible model of an off-grid hybrid inverter: PV following a clear-sky day, a household load,
 * a battery that charges from surplus PV and discharges into the load, and the grid taking over
 * (line mode, charging) when the battery runs low. It knows the identity, status, rating, flag,
 * warning, default, parallel and charging-current queries of PI30 and PI30MAX, acknowledges the
 * setting commands, and refuses what it does not know with {@code (NAK}.
 *
 * <p>{@link #inject(Fault, int)} makes the next replies misbehave. This class only turns bytes
 * into bytes; {@link Pi30SimulatorServer} puts it on a pty or a TCP port. Thread-safe.
 */
public final class SimulatedPi30 {

    /** What to send back: the bytes, and whether to send them slowly. */
    public record Reply(byte[] bytes, boolean slow) {
        /**
         * The reply.
         *
         * @param bytes the bytes to send; empty for silence
         * @param slow whether to send them ten times slower than the line rate
         */
        public Reply {
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    private static final byte[] NAK = {'(', 'N', 'A', 'K', 's', 's', '\r'};
    private static final byte[] ACK = {'(', 'A', 'C', 'K', '9', ' ', '\r'};
    private static final double BATTERY_WH = 5_000;

    private final Pi30Protocol protocol;
    private final Clock clock;
    private final SolarDay day = new SolarDay(48.1, 11.6);
    private final double peakPv;
    private final String serial;
    private final SplittableRandom random;
    private final Deque<Fault> faults = new ArrayDeque<>();

    private Instant last;
    private double soc = 60;
    private double batteryVolts = 52.0;
    private int outputPriority;
    private long requests;

    /**
     * An inverter.
     *
     * @param protocol PI30 or PI30MAX (which adds a second tracker and {@code QPIGS2})
     * @param clock the clock the day follows (a fast one replays a day quickly)
     * @param seed the random seed for load and noise
     */
    public SimulatedPi30(Pi30Protocol protocol, Clock clock, long seed) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = new SplittableRandom(seed);
        this.peakPv = protocol == Pi30Protocol.PI30MAX ? 8_000 : 5_000;
        this.serial = String.format(Locale.ROOT, "9293%010d", Math.floorMod(seed, 10_000_000_000L));
        this.last = clock.instant();
    }

    /**
     * Makes the next {@code times} replies show a fault, after any already queued.
     *
     * @param fault the fault
     * @param times how many replies
     */
    public synchronized void inject(Fault fault, int times) {
        Objects.requireNonNull(fault, "fault");
        for (int i = 0; i < times; i++) {
            faults.add(fault);
        }
    }

    /**
     * Requests answered so far, faulty ones included.
     *
     * @return the count
     */
    public synchronized long requests() {
        return requests;
    }

    /**
     * The serial number it reports ({@code QID}).
     *
     * @return the serial number
     */
    public String serial() {
        return serial;
    }

    /**
     * Answers one request frame.
     *
     * @param request the request, command + CRC + CR (NUL padding already removed)
     * @return the reply
     */
    public synchronized Reply respond(byte[] request) {
        requests++;
        byte[] reply;
        try {
            reply = answer(Pi30Request.parse(request).command());
        } catch (ProtocolException e) {
            reply = NAK; // a damaged request: the inverter does not know what was asked
        }
        Fault fault = faults.poll();
        if (fault == null) {
            return new Reply(reply, false);
        }
        return switch (fault) {
            case NAK -> new Reply(NAK, false);
            case BAD_CRC -> {
                byte[] bad = reply.clone();
                bad[bad.length - 3] ^= 0x55;
                bad[bad.length - 2] ^= 0x11;
                yield new Reply(bad, false);
            }
            case GARBAGE -> {
                byte[] junk = new byte[20 + random.nextInt(40)];
                for (int i = 0; i < junk.length - 1; i++) {
                    junk[i] = (byte) (0x21 + random.nextInt(0x5e));
                }
                junk[junk.length - 1] = '\r';
                yield new Reply(junk, false);
            }
            case TRUNCATED -> new Reply(Arrays.copyOf(reply, reply.length / 2), false);
            case SILENCE -> new Reply(new byte[0], false);
            case SLOW -> new Reply(reply, true);
        };
    }

    private byte[] answer(String command) {
        boolean max = protocol == Pi30Protocol.PI30MAX;
        String payload = switch (command) {
            case "QPI" -> "PI30";
            case "QID" -> serial;
            case "QSID" -> max ? "14" + serial + "05535" : null;
            case "QVFW" -> "VERFW:00072.70";
            case "QVFW2" -> "VERFW2:00072.70";
            case "QMN" -> max ? "MAX-8000" : "MKS2-5000";
            case "QGMN" -> max ? "044" : "041";
            case "QPIRI" ->
                max
                        ? "230.0 34.7 230.0 50.0 34.7 8000 8000 48.0 48.0 42.0 54.0 52.5 2 010 030 1 2 2 9 01 0 0"
                                + " 50.0 0 1 480 0 070"
                        : "230.0 21.7 230.0 50.0 21.7 5000 4000 48.0 46.0 42.0 56.4 54.0 0 10 010 1 " + outputPriority
                                + " 0 6 01 0 0 54.0 0 1";
            case "QFLAG" -> "EakxyDbjuvz";
            case "QDI" -> "230.0 50.0 0030 42.0 54.0 56.4 46.0 60 0 0 2 0 0 0 0 0 1 1 0 0 1 0 54.0 0 1 000";
            case "QMCHGCR" -> "010 020 030 040 050 060 070 080 090 100 110 120";
            case "QMUCHGCR" -> "002 010 020 030 040 050 060 070 080 090 100 110 120";
            case "QPIWS" -> "0".repeat(max ? 36 : 32);
            case "QMOD" -> String.valueOf(state().mode);
            case "QPIGS" -> qpigs(state());
            case "QPIGS2" -> max ? qpigs2(state()) : null;
            case "QPGS0" -> qpgs0(state());
            case "QET" -> max ? "00238800" : null;
            default -> null;
        };
        if (payload != null) {
            return frame(payload);
        }
        return setting(command) ? ACK : NAK;
    }

    /** Setting commands this inverter accepts; anything else is refused. */
    private boolean setting(String command) {
        if (command.matches("POP0[012]")) {
            outputPriority = command.charAt(4) - '0';
            return true;
        }
        return command.matches("PCP0[0-3]|PBT0[0-2]|PGR0[01]|PSDV\\d\\d\\.\\d|PBCV\\d\\d\\.\\d|PBDV\\d\\d\\.\\d"
                + "|PBFT\\d\\d\\.\\d|PCVV\\d\\d\\.\\d|MCHGC\\d{3,4}|MUCHGC\\d{3,4}|F(50|60)|P[ED][a-z]+|PF");
    }

    /** The power flows now, advancing the battery since the last look. */
    private State state() {
        Instant now = clock.instant();
        double hours = Math.max(0, Duration.between(last, now).toMillis() / 3_600_000.0);
        last = now;
        double pv = Math.round(peakPv * day.clearSkyFraction(now) * (0.97 + 0.03 * random.nextDouble()));
        double load = Math.round(250 + 450 * random.nextDouble());
        boolean line = soc < 20 || (soc < 30 && pv < load);
        double toBattery = line ? Math.max(pv, 1500) - (pv > load ? load : 0) : pv - load;
        soc = Math.max(5, Math.min(100, soc + toBattery * hours / BATTERY_WH * 100));
        if (soc >= 100 && toBattery > 0) {
            toBattery = 0;
        }
        batteryVolts = 48.0 + 8.0 * soc / 100 + (toBattery > 0 ? 0.6 : -0.3);
        char mode = line ? 'L' : pv > 0 || load > 0 ? 'B' : 'S';
        return new State(pv, load, toBattery, line, mode);
    }

    private record State(double pv, double load, double toBattery, boolean line, char mode) {}

    private String qpigs(State s) {
        boolean max = protocol == Pi30Protocol.PI30MAX;
        double pv1 = max ? s.pv * 0.6 : s.pv;
        double pvVolts = pv1 > 0 ? 320 + 20 * random.nextDouble() : 0;
        double charge = Math.max(0, s.toBattery) / batteryVolts;
        double discharge = Math.max(0, -s.toBattery) / batteryVolts;
        int apparent = (int) Math.round(s.load * 1.08);
        String pvCurrent = max
                ? String.format(Locale.ROOT, "%04.1f", pvVolts > 0 ? pv1 / pvVolts : 0)
                : String.format(Locale.ROOT, "%04d", Math.round(pvVolts > 0 ? pv1 / pvVolts : 0));
        return String.format(
                Locale.ROOT,
                "%05.1f %04.1f %05.1f %04.1f %04d %04d %03d %03d %05.2f %03d %03d %04d %s %05.1f %05.2f %05d %s %02d %02d %05d %s",
                s.line ? 230.0 + random.nextDouble() : 0.0,
                s.line ? 50.0 : 0.0,
                230.0,
                50.0,
                apparent,
                Math.round(s.load),
                Math.min(999, Math.round(s.load * 100 / (max ? 8000 : 5000))),
                400 + random.nextInt(60),
                batteryVolts,
                Math.round(charge),
                Math.round(soc),
                30 + random.nextInt(15),
                pvCurrent,
                pvVolts,
                charge > 0 ? batteryVolts : 0.0,
                Math.round(discharge),
                "00" + (pv1 > 0 ? "1" : "0") + "1" + (charge > 0 ? "1" : "0") + "1" + "10",
                0,
                0,
                Math.round(pv1),
                "010");
    }

    private String qpigs2(State s) {
        double pv2 = s.pv * 0.4;
        double volts = pv2 > 0 ? 300 + 20 * random.nextDouble() : 0;
        return String.format(Locale.ROOT, "%04.1f %05.1f %05d ", volts > 0 ? pv2 / volts : 0, volts, Math.round(pv2));
    }

    private String qpgs0(State s) {
        boolean max = protocol == Pi30Protocol.PI30MAX;
        double charge = Math.max(0, s.toBattery) / batteryVolts;
        double discharge = Math.max(0, -s.toBattery) / batteryVolts;
        String base = String.format(
                Locale.ROOT,
                "1 %s %c 00 %05.1f %05.2f 230.0 50.00 %04d %04d %03d %04.1f %03d %03d %05.1f %03d %05d %05d %03d"
                        + " 10100110 1 2 060 120 10 %02d %03d",
                serial,
                s.mode,
                s.line ? 230.0 : 0.0,
                s.line ? 50.0 : 0.0,
                Math.round(s.load * 1.08),
                Math.round(s.load),
                Math.round(s.load * 100 / (max ? 8000 : 5000)),
                batteryVolts,
                Math.round(charge),
                Math.round(soc),
                s.pv > 0 ? 330.0 : 0.0,
                Math.round(charge),
                Math.round(s.load * 1.08),
                Math.round(s.load),
                Math.round(s.load * 100 / (max ? 8000 : 5000)),
                Math.min(99, Math.round(s.pv > 0 ? s.pv * (max ? 0.6 : 1) / 330 : 0)),
                Math.round(discharge));
        return max
                ? base
                        + String.format(
                                Locale.ROOT, " %05.1f %02d", s.pv > 0 ? 310.0 : 0.0, Math.round(s.pv * 0.4 / 310))
                : base;
    }

    /** {@code (} + payload + the bumped CRC of both + CR. */
    static byte[] frame(String payload) {
        byte[] text = ("(" + payload).getBytes(StandardCharsets.US_ASCII);
        int crc = Pi30Crc.wire(text, 0, text.length, Pi30Crc.Bump.DELIMITERS);
        byte[] out = Arrays.copyOf(text, text.length + 3);
        out[text.length] = (byte) (crc >>> 8);
        out[text.length + 1] = (byte) crc;
        out[text.length + 2] = '\r';
        return out;
    }
}
