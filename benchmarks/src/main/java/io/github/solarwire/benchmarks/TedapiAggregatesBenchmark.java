package io.github.solarwire.benchmarks;

import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.tedapi.view.GatewaySnapshot;
import io.github.solarwire.tedapi.view.LegacyViews;
import io.github.solarwire.tedapi.view.MeterAggregates;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * TEDAPI device-controller status JSON (about 3.4 KB compact, a PW2 site with two Powerwalls, a
 * PV inverter, a Synchrometer, a Backup Switch and a Neurio meter, shaped like the pypowerwall
 * simulator's sample) turned into the legacy {@code /api/meters/aggregates} view, per second, from
 * a pool of 256 distinct documents: JSON parsing into a {@link GatewaySnapshot} included. Target
 * from the issue: at least 20,000 per second on one core.
 *
 * <ul>
 *   <li>{@code aggregates}: bytes to the typed {@link MeterAggregates};
 *   <li>{@code aggregatesJson}: bytes to the pypowerwall-shaped JSON bytes.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class TedapiAggregatesBenchmark {

    private static final String DIN = "1232100-00-E--TG123456789ABC";

    private static final String STATUS = "{\"control\":{\"systemStatus\":{\"nominalFullPackEnergyWh\":27000,"
            + "\"nominalEnergyRemainingWh\":%d},\"islanding\":{\"customerIslandMode\":\"Wait\",\"contactorClosed\":true,"
            + "\"microGridOK\":true,\"gridOK\":true},\"meterAggregates\":[{\"location\":\"SITE\",\"realPowerW\":%d},"
            + "{\"location\":\"BATTERY\",\"realPowerW\":%d},{\"location\":\"LOAD\",\"realPowerW\":%d},"
            + "{\"location\":\"SOLAR\",\"realPowerW\":%d}],\"alerts\":{\"active\":[\"SystemConnectedToGrid\"]},"
            + "\"siteShutdown\":{\"isShutDown\":false,\"reasons\":[]},\"batteryBlocks\":[{\"din\":"
            + "\"2012170-25-E--TG123456789DEF\",\"disableReasons\":[]},{\"din\":\"3012170-05-B--TG123456789GHI\","
            + "\"disableReasons\":[]}],\"pvInverters\":[{\"din\":\"1538100-00-F--C123456789JKL\",\"disableReasons\":[]}]},"
            + "\"system\":{\"time\":\"2024-01-24 12:00:%02d +0000\",\"sitemanagerStatus\":{\"isRunning\":true},"
            + "\"updateUrgencyCheck\":{\"urgency\":\"none\",\"version\":{\"version\":\"24.4.0\",\"gitHash\":\"abc123def456\"},"
            + "\"timestamp\":1706097600}},\"neurio\":{\"isDetectingWiredMeters\":false,\"readings\":[{\"serial\":"
            + "\"V1234567890\",\"dataRead\":[{\"voltageV\":240.5,\"realPowerW\":%d,\"reactivePowerVAR\":-100,"
            + "\"currentA\":27.1}],\"timestamp\":1706097600}],\"pairings\":[]},\"esCan\":{\"bus\":{\"PVAC\":[{"
            + "\"packagePartNumber\":\"1538100-00-F\",\"packageSerialNumber\":\"C123456789JKL\",\"PVAC_Status\":{"
            + "\"isMIA\":false,\"PVAC_Pout\":%d,\"PVAC_State\":8,\"PVAC_Vout\":%s,\"PVAC_Fout\":60.0},\"PVAC_Logging\":{"
            + "\"isMIA\":false,\"PVAC_PVCurrent_A\":12.5,\"PVAC_PVCurrent_B\":0.0,\"PVAC_PVCurrent_C\":14.2,"
            + "\"PVAC_PVCurrent_D\":13.8,\"PVAC_PVMeasuredVoltage_A\":385.2,\"PVAC_PVMeasuredVoltage_B\":-1.0,"
            + "\"PVAC_PVMeasuredVoltage_C\":395.7,\"PVAC_PVMeasuredVoltage_D\":390.1,\"PVAC_VL1Ground\":120.2,"
            + "\"PVAC_VL2Ground\":120.3},\"alerts\":{\"active\":[]}}],\"PVS\":[{\"PVS_Status\":{\"isMIA\":false,"
            + "\"PVS_State\":3,\"PVS_vLL\":240.5,\"PVS_StringA_Connected\":true,\"PVS_StringB_Connected\":false,"
            + "\"PVS_StringC_Connected\":true,\"PVS_StringD_Connected\":true},\"alerts\":{\"active\":[]}}],\"PINV\":[{"
            + "\"PINV_Status\":{\"isMIA\":false,\"PINV_Fout\":60.0,\"PINV_Pout\":-3500,\"PINV_Vout\":%s,\"PINV_State\":8,"
            + "\"PINV_GridState\":1},\"PINV_PowerCapability\":{\"PINV_Pnom\":5000},\"alerts\":{\"active\":[]}},{"
            + "\"PINV_Status\":{\"isMIA\":false,\"PINV_Fout\":60.0,\"PINV_Pout\":0,\"PINV_Vout\":240.5,\"PINV_State\":8,"
            + "\"PINV_GridState\":1},\"PINV_PowerCapability\":{\"PINV_Pnom\":5000},\"alerts\":{\"active\":[]}}],"
            + "\"POD\":[{\"POD_EnergyStatus\":{\"isMIA\":false,\"POD_nom_energy_remaining\":3250,"
            + "\"POD_nom_full_pack_energy\":13500},\"alerts\":{\"active\":[]}},{\"POD_EnergyStatus\":{\"isMIA\":false,"
            + "\"POD_nom_energy_remaining\":3250,\"POD_nom_full_pack_energy\":13500},\"alerts\":{\"active\":[]}}],"
            + "\"THC\":[{\"packagePartNumber\":\"2012170-25-E\",\"packageSerialNumber\":\"TG123456789DEF\",\"alerts\":{"
            + "\"active\":[]}},{\"packagePartNumber\":\"3012170-05-B\",\"packageSerialNumber\":\"TG123456789GHI\","
            + "\"alerts\":{\"active\":[]}}],\"SYNC\":{\"packagePartNumber\":\"1493315-01-F\",\"packageSerialNumber\":"
            + "\"J123456789MNO\",\"METER_X_AcMeasurements\":{\"METER_X_CTA_InstRealPower\":%d,"
            + "\"METER_X_CTB_InstRealPower\":450,\"METER_X_CTA_I\":%s,\"METER_X_CTB_I\":3.7,\"METER_X_VL1N\":120.2,"
            + "\"METER_X_VL2N\":120.3},\"alerts\":{\"active\":[]}},\"ISLANDER\":{\"ISLAND_GridConnection\":{"
            + "\"ISLAND_GridConnected\":\"ISLAND_GridConnected_Connected\"},\"ISLAND_AcMeasurements\":{"
            + "\"ISLAND_VL1N_Main\":%s,\"ISLAND_FreqL1_Main\":60.0,\"ISLAND_VL2N_Main\":120.3,\"ISLAND_FreqL2_Main\":60.0,"
            + "\"ISLAND_VL1N_Load\":120.1,\"ISLAND_VL2N_Load\":120.2,\"ISLAND_GridState\":2}},\"MSA\":{"
            + "\"packagePartNumber\":\"1538000-00-E\",\"packageSerialNumber\":\"M123456789PQR\","
            + "\"METER_Z_AcMeasurements\":{\"METER_Z_CTA_InstRealPower\":-1050,\"METER_Z_CTB_InstRealPower\":-1050,"
            + "\"METER_Z_VL1G\":120.2,\"METER_Z_VL2G\":120.3},\"alerts\":{\"active\":[]}}}}}";

    private byte[][] statuses;
    private int next;

    @Setup
    public void setUp() {
        Random random = new Random(20261130);
        statuses = new byte[256][];
        for (int i = 0; i < statuses.length; i++) {
            int solar = random.nextInt(8000);
            int battery = random.nextInt(10000) - 5000;
            int load = 300 + random.nextInt(5000);
            int site = load - solar - battery;
            String json = String.format(
                    Locale.ROOT,
                    STATUS,
                    random.nextInt(27000),
                    site,
                    battery,
                    load,
                    solar,
                    i % 60,
                    solar,
                    solar,
                    Double.toString(240 + random.nextDouble()),
                    Double.toString(240 + random.nextDouble()),
                    site / 2,
                    Double.toString(Math.abs(site) / 240.0),
                    Double.toString(120 + random.nextDouble()));
            statuses[i] = json.getBytes(StandardCharsets.UTF_8);
        }
    }

    private GatewaySnapshot snapshot() throws ProtocolException {
        byte[] status = statuses[next++ & 255];
        return GatewaySnapshot.builder(DIN).status(status).build();
    }

    @Benchmark
    public MeterAggregates aggregates() throws ProtocolException {
        return LegacyViews.aggregates(snapshot()).orElseThrow();
    }

    @Benchmark
    public byte[] aggregatesJson() throws ProtocolException {
        return LegacyViews.aggregatesJson(snapshot());
    }
}
