package io.github.solarwire.pvs.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-device values behind one {@link PvsState}, shared by the DeviceList and varserver
 * renderers so both report the same numbers. Electrical details (voltages, reactive power,
 * temperatures) are plausible, seeded by the minute.
 */
record SiteDevices(
        SimulatedPvs pvs,
        PvsState state,
        double hz,
        double v12,
        Meter production,
        Meter consumption,
        List<Inverter> inverters) {

    /** A built-in meter; {@code p1}/{@code p2}/{@code i1}/{@code i2} only on the consumption one. */
    record Meter(
            String serial,
            String model,
            boolean production,
            double kw,
            double kvar,
            double kva,
            double pf,
            double p1,
            double p2,
            double i1,
            double i2,
            double netKwh,
            double posKwh,
            double negKwh,
            int ct) {}

    /** A micro-inverter; {@code metrics} false means an error-state inverter without data. */
    record Inverter(
            String serial,
            boolean working,
            boolean metrics,
            double kw,
            double kwh,
            double volts,
            double amps,
            double dcKw,
            double dcVolts,
            double dcAmps,
            int heatsinkC) {}

    static SiteDevices of(SimulatedPvs pvs, PvsState s) {
        long minute = Math.floorDiv(s.time().getEpochSecond(), 60);
        double hz = 59.98 + 0.04 * pvs.noise(10, minute);
        double v12 = 240 + 6 * pvs.noise(11, minute);
        String meterSerial = String.format(
                Locale.ROOT, "PVS6M%08d", Math.floorMod(pvs.serial().hashCode(), 100_000_000));
        double pq = 0.05 + 0.1 * s.pvKw();
        Meter production = meter(meterSerial + "p", "PVS6M0400p", true, s.pvKw(), pq, v12, 0, 0, s.pvKwh(), 0, 0, 50);
        double cq = -0.4 - 0.3 * pvs.noise(12, minute);
        double p1 = SimulatedPvs.float32(s.netKw() * 0.55);
        Meter consumption = meter(
                meterSerial + "c",
                "PVS6M0400c",
                false,
                s.netKw(),
                cq,
                v12,
                p1,
                s.netKw() - p1,
                s.netKwh(),
                s.importKwh(),
                s.exportKwh(),
                100);
        List<Inverter> inverters = new ArrayList<>(pvs.inverters());
        for (int i = 0; i < pvs.inverters(); i++) {
            double kw = s.inverterKw().get(i);
            boolean night = s.night();
            double volts = v12 + 2 * pvs.noise(13 + i, minute) - 1;
            double dcKw = night ? 0.0004 + 0.0004 * pvs.noise(500 + i, minute) : kw / 0.965;
            double dcVolts = night ? 12 + 10 * pvs.noise(1000 + i, minute) : 52 + 6 * pvs.noise(1000 + i, minute);
            inverters.add(new Inverter(
                    pvs.inverterSerial(i),
                    !night,
                    !night || pvs.metricsAtNight(i),
                    kw,
                    s.inverterKwh().get(i),
                    volts,
                    kw * 1000 / volts,
                    dcKw,
                    dcVolts,
                    dcKw * 1000 / dcVolts,
                    (int) Math.round(18 + 120 * kw)));
        }
        return new SiteDevices(pvs, s, hz, v12, production, consumption, List.copyOf(inverters));
    }

    private static Meter meter(
            String serial,
            String model,
            boolean production,
            double kw,
            double kvar,
            double v12,
            double p1,
            double p2,
            double netKwh,
            double posKwh,
            double negKwh,
            int ct) {
        double kva = Math.hypot(kw, kvar);
        double pf = kva == 0 ? 0 : kw / kva;
        double i1 = production ? kva * 1000 / v12 : Math.hypot(p1, kvar / 2) * 2000 / v12;
        double i2 = production ? 0 : Math.hypot(p2, kvar / 2) * 2000 / v12;
        return new Meter(serial, model, production, kw, kvar, kva, pf, p1, p2, i1, i2, netKwh, posKwh, negKwh, ct);
    }
}
