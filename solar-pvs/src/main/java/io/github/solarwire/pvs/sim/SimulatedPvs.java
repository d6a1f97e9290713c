package io.github.solarwire.pvs.sim;

import io.github.solarwire.core.sim.SolarDay;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A SunPower PVS5 or PVS6 supervisor and its site, as the supervisor reports it: PV on a clear-sky
 * day with drifting clouds, a house load with morning and evening peaks, an optional SunVault
 * battery that stores the surplus and covers the evening, micro-inverters, a production meter and
 * a net consumption meter.
 *
 * <p>Deterministic: the powers at an instant depend only on the seed and the instant (and the
 * battery's charge), and the lifetime energies integrate the powers over the instants asked for,
 * in order. Energies never decrease: asking for an instant before the latest one gives that
 * instant's powers with the latest energies. The renderers return the exact bytes the real
 * supervisor sends. Starts no threads; thread-safe (synchronised).
 */
public final class SimulatedPvs {

    /** The default serial; its last five characters ({@code A0321}) are the password. */
    public static final String DEFAULT_SERIAL = "ZT204985000549A0321";

    /** The default firmware build: the PVS6 release current in late 2025. */
    public static final int DEFAULT_BUILD = 61846;

    /** The first PVS6 build with the varserver API and the telemetry enable switch. */
    public static final int FIRST_VARSERVER_BUILD_PVS6 = 61840;

    /** The first PVS5 build with the varserver API. */
    public static final int FIRST_VARSERVER_BUILD_PVS5 = 5408;

    static final double ESS_CAPACITY_KWH = 13.0;
    static final double ESS_MAX_KW = 6.8;
    private static final double ESS_RESERVE = 0.2;
    private static final double CHARGE_EFFICIENCY = 0.94;
    private static final long MAX_STEP_SECONDS = 60;

    private final String serial;
    private final PvsModel model;
    private final int build;
    private final int inverters;
    private final boolean storage;
    private final long seed;
    private final SolarDay day;
    private final double peakKw;
    private final VarsLayout layout;
    private final double[] inverterShare;
    private final boolean[] metricsAtNight;
    private final String[] inverterSerials;
    private final Varserver varserver;

    private Instant last;
    private Instant boot;
    private double pvKwh;
    private double importKwh;
    private double exportKwh;
    private double essKwh;
    private double soc;
    private final double[] inverterKwh;
    private boolean telemetryEnabled;

    private SimulatedPvs(Builder b) {
        this.serial = b.serial;
        this.model = b.model;
        this.build = b.build;
        this.inverters = b.inverters;
        this.storage = b.storage;
        this.seed = b.seed;
        this.day = b.day;
        this.peakKw = (b.peakWatts > 0 ? b.peakWatts : 320.0 * Math.max(1, b.inverters)) / 1000;
        this.layout = b.layout;
        SplittableRandom r = new SplittableRandom(seed);
        this.inverterShare = new double[inverters];
        this.metricsAtNight = new boolean[inverters];
        this.inverterSerials = new String[inverters];
        this.inverterKwh = new double[inverters];
        double sum = 0;
        for (int i = 0; i < inverters; i++) {
            inverterShare[i] = 0.9 + 0.2 * r.nextDouble();
            sum += inverterShare[i];
            metricsAtNight[i] = i == 0 || (i != 1 && r.nextDouble() < 0.6);
            inverterSerials[i] = String.format(Locale.ROOT, "E0012230%07d", r.nextInt(10_000_000));
        }
        for (int i = 0; i < inverters; i++) {
            inverterShare[i] /= sum;
        }
        this.pvKwh = 20_000 + 15_000 * r.nextDouble();
        this.exportKwh = 9_000 + 5_000 * r.nextDouble();
        this.importKwh = exportKwh + 3_000 + 4_000 * r.nextDouble();
        this.essKwh = storage ? -(300 + 300 * r.nextDouble()) : 0;
        this.soc = storage ? 0.5 : Double.NaN;
        for (int i = 0; i < inverters; i++) {
            inverterKwh[i] = pvKwh * inverterShare[i] * (0.97 + 0.03 * r.nextDouble());
        }
        this.telemetryEnabled = !hasVarserver();
        this.varserver = new Varserver(this);
    }

    /**
     * A builder with the defaults: a PVS6 on build {@value #DEFAULT_BUILD}, serial {@value
     * #DEFAULT_SERIAL}, 12 inverters, no storage, seed 1, a site in California, 320 W a panel,
     * flat varserver device variables.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The serial ({@code SERIAL}, {@code /sys/info/serialnum}).
     *
     * @return the serial
     */
    public String serial() {
        return serial;
    }

    /**
     * The varserver password: the serial's last five characters, upper-cased.
     *
     * @return the password
     */
    public String password() {
        return serial.substring(serial.length() - 5).toUpperCase(Locale.ROOT);
    }

    /**
     * The hardware.
     *
     * @return the model
     */
    public PvsModel model() {
        return model;
    }

    /**
     * The firmware build.
     *
     * @return the build, e.g. 61846
     */
    public int build() {
        return build;
    }

    /**
     * Whether a SunVault battery is present.
     *
     * @return true with storage
     */
    public boolean storage() {
        return storage;
    }

    /**
     * The number of inverters.
     *
     * @return the count
     */
    public int inverters() {
        return inverters;
    }

    /**
     * How varserver names device variables.
     *
     * @return the layout
     */
    public VarsLayout layout() {
        return layout;
    }

    /**
     * Whether this firmware serves the authenticated varserver API (and refuses {@code
     * dl_cgi?Command=…} with 403): PVS6 from build {@value #FIRST_VARSERVER_BUILD_PVS6}, PVS5 from
     * {@value #FIRST_VARSERVER_BUILD_PVS5}.
     *
     * @return true on new firmware, false on the legacy open {@code dl_cgi} firmware
     */
    public boolean hasVarserver() {
        return build >= (model == PvsModel.PVS6 ? FIRST_VARSERVER_BUILD_PVS6 : FIRST_VARSERVER_BUILD_PVS5);
    }

    /**
     * Whether the supervisor has the telemetry WebSocket (port 9002): every PVS6, never a PVS5.
     *
     * @return true on a PVS6
     */
    public boolean hasTelemetrySocket() {
        return model == PvsModel.PVS6;
    }

    /**
     * Whether the telemetry WebSocket accepts connections now: always on legacy PVS6 firmware,
     * never on a PVS5, and on new PVS6 firmware after {@code set=/sys/telemetryws/enable=1}.
     *
     * @return true when enabled
     */
    public synchronized boolean telemetryEnabled() {
        return telemetryEnabled;
    }

    /** Switches telemetry off, as the real supervisor does when it drops the sockets. */
    synchronized void disableTelemetry() {
        if (hasVarserver() && hasTelemetrySocket()) {
            telemetryEnabled = false;
        }
    }

    /** Sets the enable variable; false when this supervisor has none. */
    synchronized boolean setTelemetryEnabled(boolean enabled) {
        if (!hasVarserver() || !hasTelemetrySocket()) {
            return false;
        }
        telemetryEnabled = enabled;
        return true;
    }

    /**
     * The site at an instant, after integrating the energies up to it.
     *
     * @param t the instant
     * @return the state
     */
    public synchronized PvsState state(Instant t) {
        Objects.requireNonNull(t, "t");
        advanceTo(t);
        double pv = pvKw(t);
        double load = loadKw(t);
        double ess = essKw(pv, load);
        double net = load - pv - ess;
        List<Double> invKw = new ArrayList<>(inverters);
        List<Double> invKwh = new ArrayList<>(inverters);
        double rest = pv;
        for (int i = 0; i < inverters; i++) {
            double kw = i == inverters - 1 ? rest : pv * inverterShare[i];
            rest -= kw;
            invKw.add(kw);
            invKwh.add(inverterKwh[i]);
        }
        double netKwh = importKwh - exportKwh;
        long backup = storage ? Math.round(soc * ESS_CAPACITY_KWH * 60 / Math.max(load, 0.3)) : 0;
        return new PvsState(
                t,
                pv,
                net,
                ess,
                pv + net + ess,
                pvKwh,
                netKwh,
                essKwh,
                pvKwh + netKwh + essKwh,
                importKwh,
                exportKwh,
                soc,
                backup,
                invKw,
                invKwh,
                Math.max(0, Duration.between(boot, t).toSeconds()));
    }

    /**
     * The telemetry WebSocket's {@code power} notification at an instant, compact as the PVS sends
     * it; the battery fields only with storage.
     *
     * @param t the instant; {@code time} is its Unix second
     * @return the UTF-8 frame text
     */
    public byte[] powerFrame(Instant t) {
        PvsState s = state(t);
        JsonOut j = new JsonOut(320).open().string("notification", "power").open("params");
        j.number("time", t.getEpochSecond())
                .number("site_load_p", s.siteLoadKw())
                .number("net_p", s.netKw())
                .number("pv_p", s.pvKw())
                .number("site_load_en", s.siteLoadKwh())
                .number("net_en", s.netKwh())
                .number("pv_en", s.pvKwh());
        if (storage) {
            j.number("ess_p", s.essKw())
                    .number("ess_en", s.essKwh())
                    .number("soc", s.soc())
                    .number("backupTimeRemaining", s.backupMinutes())
                    .number("midstate", 2);
        }
        return j.close().close().bytes();
    }

    /**
     * The open {@code GET /cgi-bin/dl_cgi/supervisor/info} answer: {@code SERIAL}, {@code MODEL},
     * {@code SWVER}, {@code FWVER}, and on a PVS6 {@code BUILD} (a PVS5 carries its build in
     * {@code SWVER} only).
     *
     * @return the UTF-8 JSON body
     */
    public byte[] supervisorInfo() {
        JsonOut j = new JsonOut(200).open().open("supervisor");
        j.string("SERIAL", serial).string("MODEL", model.name()).string("SWVER", swVersion());
        if (model == PvsModel.PVS6) {
            j.number("BUILD", build);
        }
        return j.string("FWVER", "1.0.0").close().close().bytes();
    }

    /**
     * The legacy {@code dl_cgi?Command=Start} answer: {@code result} and the supervisor.
     *
     * @return the UTF-8 JSON body
     */
    public byte[] startResponse() {
        return new JsonOut(200)
                .open()
                .string("result", "succeed")
                .open("supervisor")
                .string("FWVER", "1.0.0")
                .string("MODEL", model.name())
                .string("SERIAL", serial)
                .string("SWVER", swVersion())
                .close()
                .close()
                .bytes();
    }

    /**
     * The legacy {@code dl_cgi?Command=Stop} answer.
     *
     * @return the UTF-8 JSON body {@code {"result":"succeed"}}
     */
    public byte[] stopResponse() {
        return new JsonOut(24).open().string("result", "succeed").close().bytes();
    }

    /**
     * The legacy {@code dl_cgi?Command=DeviceList} answer at an instant: the supervisor, the
     * production meter ({@code …p}), the net consumption meter ({@code …c}) and the inverters,
     * every metric a JSON string. At night the inverters are in {@code error}; some still carry
     * metrics, the others have no metric keys and no {@code DATATIME}, as real ones do.
     *
     * @param t the instant
     * @return the UTF-8 JSON body
     */
    public byte[] deviceList(Instant t) {
        return DeviceListBody.render(SiteDevices.of(this, state(t)));
    }

    /**
     * Answers one varserver {@code /vars} query at an instant, as the GET query string or the
     * POST body ({@code name=a,b}, {@code match=x}, {@code set=n=v}, {@code fmt=obj}, {@code
     * cache=id}). Only {@code /sys/telemetryws/enable} is writable. Authentication is the
     * server's business, not this method's.
     *
     * @param query the query, url-encoded or not
     * @param t the instant the values are for
     * @return 200 and the list or object form, or 400 for an unknown name, an empty match, an
     *     unknown cache id or a bad query
     */
    public VarsResponse vars(String query, Instant t) {
        return varserver.answer(Objects.requireNonNull(query, "query"), t);
    }

    /** The firmware version text, e.g. {@code 2025.10, Build 61846}. */
    String swVersion() {
        return release()[0] + ", Build " + build;
    }

    /** The varserver {@code sw_rev}, e.g. {@code 2025.06.24.61840}. */
    String swRevision() {
        return release()[1] + "." + build;
    }

    private String[] release() {
        if (model == PvsModel.PVS5) {
            return hasVarserver() ? new String[] {"2025.11", "2025.11.05"} : new String[] {"2024.6", "2024.06.01"};
        }
        if (build >= 61846) {
            return new String[] {"2025.10", "2025.10.20"};
        } else if (build >= 61845) {
            return new String[] {"2025.09", "2025.09.15"};
        } else if (build >= 61839) {
            return new String[] {"2025.06", "2025.06.24"};
        } else if (build >= 61827) {
            return new String[] {"2025.04", "2025.04.01"};
        } else if (build >= 61640) {
            return new String[] {"2024.2", "2024.02.01"};
        }
        return new String[] {"2019.5", "2019.05.01"};
    }

    String inverterSerial(int i) {
        return inverterSerials[i];
    }

    boolean metricsAtNight(int i) {
        return metricsAtNight[i];
    }

    /** A deterministic value in [0, 1) for a channel and slot (SplitMix64 finaliser). */
    double noise(long channel, long slot) {
        long z = seed + channel * 0x9E3779B97F4A7C15L + slot * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }

    /** Noise that moves linearly between slot values, so powers drift rather than jump. */
    private double smooth(long channel, Instant t, long periodSeconds) {
        double s = t.getEpochSecond() + t.getNano() / 1e9;
        long slot = (long) Math.floor(s / periodSeconds);
        double f = s / periodSeconds - slot;
        double a = noise(channel, slot);
        return a + (noise(channel, slot + 1) - a) * f;
    }

    private double pvKw(Instant t) {
        double clear = day.clearSkyFraction(t);
        return clear <= 0 ? 0 : float32(peakKw * clear * (0.75 + 0.25 * smooth(1, t, 600)));
    }

    private double loadKw(Instant t) {
        ZonedDateTime utc = t.atZone(ZoneOffset.UTC);
        double hours = utc.getHour() + utc.getMinute() / 60.0 + utc.getSecond() / 3600.0 + day.longitude() / 15;
        double appliance = noise(3, Math.floorDiv(t.getEpochSecond(), 900)) < 0.2 ? 1.4 : 0;
        return float32(
                0.3 + 0.15 * smooth(2, t, 300) + 0.6 * bump(hours, 7.5, 1.0) + 1.5 * bump(hours, 19, 1.8) + appliance);
    }

    private double essKw(double pv, double load) {
        if (!storage) {
            return 0;
        }
        double surplus = pv - load;
        if (surplus > 0) {
            return soc >= 1 ? 0 : -float32(Math.min(surplus, ESS_MAX_KW));
        }
        return soc <= ESS_RESERVE ? 0 : float32(Math.min(-surplus, ESS_MAX_KW));
    }

    private void advanceTo(Instant t) {
        if (last == null) {
            last = t;
            boot = t.minusSeconds(3 * 3600 + (long) (noise(4, 0) * 86_400));
            return;
        }
        long gap = Duration.between(last, t).toSeconds();
        long step = Math.max(MAX_STEP_SECONDS, gap / 50_000);
        while (last.isBefore(t)) {
            Instant next = Duration.between(last, t).toSeconds() > step ? last.plusSeconds(step) : t;
            double hours = Duration.between(last, next).toNanos() / 3.6e12;
            double pv = pvKw(next);
            double load = loadKw(next);
            double ess = essKw(pv, load);
            double net = load - pv - ess;
            pvKwh += pv * hours;
            importKwh += Math.max(net, 0) * hours;
            exportKwh += Math.max(-net, 0) * hours;
            for (int i = 0; i < inverters; i++) {
                inverterKwh[i] += pv * inverterShare[i] * hours;
            }
            if (storage) {
                essKwh += ess * hours;
                double stored = ess < 0 ? -ess * CHARGE_EFFICIENCY : -ess;
                soc = Math.min(1, Math.max(0, soc + stored * hours / ESS_CAPACITY_KWH));
            }
            last = next;
        }
    }

    private static double bump(double hours, double centre, double width) {
        double d = Math.abs(((hours - centre) % 24 + 36) % 24 - 12);
        return Math.exp(-d * d / (2 * width * width));
    }

    /** A kW value as the PVS holds it: a 32-bit float, printed later as a double. */
    static double float32(double v) {
        return (float) v;
    }

    /**
     * Configures a {@link SimulatedPvs}. Not thread-safe; {@link #build()} copies the settings.
     */
    public static final class Builder {
        private String serial = DEFAULT_SERIAL;
        private PvsModel model = PvsModel.PVS6;
        private int build = DEFAULT_BUILD;
        private int inverters = 12;
        private boolean storage;
        private long seed = 1;
        private SolarDay day = new SolarDay(37.4, -122.1);
        private double peakWatts;
        private VarsLayout layout = VarsLayout.FLAT;

        private Builder() {}

        /**
         * The serial; its last five characters, upper-cased, are the password.
         *
         * @param serial at least 5 characters, e.g. {@code ZT204985000549A0321}
         * @return this builder
         */
        public Builder serial(String serial) {
            if (serial == null || serial.strip().length() < 5) {
                throw new IllegalArgumentException("serial needs at least 5 characters: " + serial);
            }
            this.serial = serial.strip();
            return this;
        }

        /**
         * The hardware.
         *
         * @param model PVS6 (default) or PVS5
         * @return this builder
         */
        public Builder model(PvsModel model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * The firmware build: on a PVS6 below {@value #FIRST_VARSERVER_BUILD_PVS6} the legacy open
         * {@code dl_cgi} without varserver; on a PVS5 from {@value #FIRST_VARSERVER_BUILD_PVS5}
         * varserver (and never a WebSocket).
         *
         * @param build the build number, e.g. 61846, 61839 or 5412
         * @return this builder
         */
        public Builder build(int build) {
            if (build < 1) {
                throw new IllegalArgumentException("build must be positive: " + build);
            }
            this.build = build;
            return this;
        }

        /**
         * The number of micro-inverters.
         *
         * @param inverters 0 to 500 (default 12)
         * @return this builder
         */
        public Builder inverters(int inverters) {
            if (inverters < 0 || inverters > 500) {
                throw new IllegalArgumentException("0 to 500 inverters: " + inverters);
            }
            this.inverters = inverters;
            return this;
        }

        /**
         * Whether a SunVault battery is present: the battery fields in frames and live data, and
         * the {@code ess} and {@code transfer_switch} devices in varserver.
         *
         * @param storage true for a battery (default false)
         * @return this builder
         */
        public Builder storage(boolean storage) {
            this.storage = storage;
            return this;
        }

        /**
         * The seed of every random choice: clouds, load, serials, which inverters keep metrics at
         * night, the starting lifetime energies.
         *
         * @param seed any value (default 1)
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Where the site is, for the sun's path (default 37.4° N, 122.1° W).
         *
         * @param day the place
         * @return this builder
         */
        public Builder solarDay(SolarDay day) {
            this.day = Objects.requireNonNull(day, "day");
            return this;
        }

        /**
         * The PV peak under a clear sky at zenith.
         *
         * @param peakWatts W, positive (default 320 W an inverter)
         * @return this builder
         */
        public Builder peakWatts(double peakWatts) {
            if (!(peakWatts > 0)) {
                throw new IllegalArgumentException("peak must be positive: " + peakWatts);
            }
            this.peakWatts = peakWatts;
            return this;
        }

        /**
         * How varserver names device variables.
         *
         * @param layout {@link VarsLayout#FLAT} (default) or {@link VarsLayout#DATA_OBJECTS}
         * @return this builder
         */
        public Builder layout(VarsLayout layout) {
            this.layout = Objects.requireNonNull(layout, "layout");
            return this;
        }

        /**
         * Builds the supervisor.
         *
         * @return a new simulator
         */
        public SimulatedPvs build() {
            return new SimulatedPvs(this);
        }
    }
}
