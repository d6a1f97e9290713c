package io.github.solarwire.pvs.sim;

import static io.github.solarwire.pvs.sim.SimulatedPvsTest.NOON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.pvs.codec.PowerNotification;
import io.github.solarwire.pvs.codec.SystemInfo;
import io.github.solarwire.pvs.codec.VarserverDevice;
import io.github.solarwire.pvs.codec.VarserverVars;
import io.github.solarwire.testkit.TestVectors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SimulatedVarserverTest {

    private static VarserverVars ok(SimulatedPvs pvs, String query) throws Exception {
        VarsResponse r = pvs.vars(query, NOON);
        assertEquals(200, r.status(), () -> query + " -> " + new String(r.body(), StandardCharsets.UTF_8));
        return VarserverVars.parse(r.body());
    }

    @Test
    void liveDataBalancesInBothFormsAndMatchesTheFrame() throws Exception {
        SimulatedPvs pvs = SimulatedPvs.builder().storage(true).build();
        for (String query : List.of("match=livedata", "match=livedata&fmt=obj")) {
            PowerNotification live = ok(pvs, query).liveData().orElseThrow();
            assertEquals(NOON, live.time());
            assertEquals(live.siteLoadPower(), live.pvPower() + live.netPower() + live.essPower(), 0.01);
            assertEquals(live.siteLoadEnergy(), live.pvEnergy() + live.netEnergy() + live.essEnergy(), 0.01);
            assertTrue(live.soc() >= 0 && live.soc() <= 100);
            assertEquals(12, live.raw().size());
        }
    }

    @Test
    void withoutStorageTheBatteryFieldsAreNanAndThereIsNoEss() throws Exception {
        SimulatedPvs pvs = SimulatedPvs.builder().build();
        VarserverVars vars = ok(pvs, "match=livedata&fmt=obj");
        assertEquals("nan", vars.value("/sys/livedata/soc").orElseThrow());
        assertEquals("nan", vars.value("/sys/livedata/ess_p").orElseThrow());
        PowerNotification live = vars.liveData().orElseThrow();
        assertNull(live.essPower());
        assertNull(live.soc());
        assertEquals(400, pvs.vars("match=/ess/", NOON).status());
        assertEquals(400, pvs.vars("name=/sys/devices/ess/0/socVal", NOON).status());
    }

    @Test
    void bothDeviceLayoutsDecodeToTheSameDevices() throws Exception {
        List<String> expectedSerials = null;
        for (VarsLayout layout : VarsLayout.values()) {
            SimulatedPvs pvs =
                    SimulatedPvs.builder().layout(layout).storage(true).build();
            for (String fmt : List.of("", "&fmt=obj")) {
                List<VarserverDevice> devices =
                        ok(pvs, "match=/sys/devices/" + fmt).devices();
                assertEquals(2 + 1 + 1 + 12, devices.size(), layout + fmt);
                assertEquals(
                        List.of("meter", "ess", "transfer_switch", "inverter"),
                        devices.stream().map(VarserverDevice::type).distinct().toList(),
                        layout + fmt);
                List<String> serials =
                        devices.stream().map(VarserverDevice::serial).toList();
                if (expectedSerials == null) {
                    expectedSerials = serials;
                }
                assertEquals(expectedSerials, serials, layout + fmt);
                double acKw = devices.stream()
                        .filter(d -> d.type().equals("inverter"))
                        .mapToDouble(d -> Double.parseDouble(d.fields().get("p3phsumKw")))
                        .sum();
                double meterKw = Double.parseDouble(devices.get(0).fields().get("p3phsumKw"));
                assertEquals(meterKw, acKw, 12 * 1e-6, layout + fmt);
                for (VarserverDevice d : devices) {
                    assertEquals(NOON, d.measuredAt(), layout + fmt);
                    d.toReading(null, NOON);
                }
            }
        }
    }

    @Test
    void dataObjectsHaveTheShapeOfTheDocumentedExample() throws Exception {
        byte[] example = Files.readAllBytes(TestVectors.directory("pvs")
                .resolve("varserver/localapi_doc_examples/vars_match_meter_data_fmt_obj.json"));
        VarserverVars real = VarserverVars.parse(example);
        SimulatedPvs pvs =
                SimulatedPvs.builder().layout(VarsLayout.DATA_OBJECTS).build();
        VarserverVars sim = ok(pvs, "match=meter/data&fmt=obj");
        assertEquals(real.objects().keySet(), sim.objects().keySet());
        for (String name : real.objects().keySet()) {
            assertEquals(
                    real.objects().get(name).keySet(), sim.objects().get(name).keySet(), name);
        }
        String text = new String(pvs.vars("match=meter/data&fmt=obj", NOON).body(), StandardCharsets.UTF_8);
        assertTrue(text.contains("\"ctSclFctr\":50,"), "numbers stay numbers in data objects: " + text);
    }

    @Test
    void liveDataHasTheDocumentedNamesInTheDocumentedOrder() throws Exception {
        byte[] example = Files.readAllBytes(TestVectors.directory("pvs")
                .resolve("varserver/localapi_doc_examples/vars_match_livedata_fmt_obj_cache_ldata.json"));
        Set<String> real = VarserverVars.parse(example).values().keySet();
        Set<String> sim = ok(SimulatedPvs.builder().storage(true).build(), "match=livedata&fmt=obj")
                .values()
                .keySet();
        assertEquals(List.copyOf(real), List.copyOf(sim));
    }

    @Test
    void flatDevicesUseTheVendorsVariableNames() throws Exception {
        List<String> csv = Files.readAllLines(
                TestVectors.directory("pvs").resolve("varserver/varserver-variables-public-pvs6.csv"));
        Set<String> documented = new TreeSet<>();
        for (String line : csv) {
            documented.add(line.split(",", 2)[0].replace("{index}", "N"));
        }
        VarserverVars vars = ok(SimulatedPvs.builder().storage(true).build(), "match=/sys/");
        for (String name : vars.values().keySet()) {
            String generic = name.replaceAll("/\\d+/", "/N/");
            assertTrue(documented.contains(generic), "not in the vendor's list: " + name);
        }
    }

    @Test
    void systemInfoDecodes() throws Exception {
        SimulatedPvs pvs = SimulatedPvs.builder().storage(true).build();
        VarserverVars vars = ok(pvs, "match=/sys/info/");
        assertEquals("PVS6 ", vars.value("/sys/info/model").orElseThrow());
        SystemInfo info = vars.systemInfo();
        assertEquals(SimulatedPvs.DEFAULT_SERIAL, info.serial());
        assertEquals("PVS6", info.model());
        assertEquals(61846, info.build());
        assertEquals("Storage", info.systemType());
        assertTrue(info.uptime() > 0);
    }

    @Test
    void namesAreExactAndUnknownNamesAre400() throws Exception {
        SimulatedPvs pvs = SimulatedPvs.builder().build();
        VarserverVars vars = ok(pvs, "name=/sys/info/sw_rev,/sys/info/lmac");
        assertEquals(
                List.of("/sys/info/sw_rev", "/sys/info/lmac"),
                List.copyOf(vars.values().keySet()));
        assertEquals("2025.10.20.61846", vars.value("/sys/info/sw_rev").orElseThrow());
        assertEquals(400, pvs.vars("name=/sys/info/sw_rev,/sys/info/nope", NOON).status());
        assertEquals(400, pvs.vars("match=/no/such/thing", NOON).status());
        assertEquals(400, pvs.vars("bogus=1", NOON).status());
        assertEquals(400, pvs.vars("", NOON).status());
    }

    @Test
    void aCachedQueryIsReadAgainByItsId() throws Exception {
        SimulatedPvs pvs = SimulatedPvs.builder().build();
        VarserverVars first = ok(pvs, "match=livedata&cache=ldata");
        VarserverVars again = ok(pvs, "cache=ldata&fmt=obj");
        assertEquals(first.values().keySet(), again.values().keySet());
        assertEquals(400, pvs.vars("cache=other", NOON).status());
    }

    @Test
    void setSwitchesTelemetryAndAnswersInListForm() throws Exception {
        SimulatedPvs pvs = SimulatedPvs.builder().build();
        assertFalse(pvs.telemetryEnabled());
        VarsResponse r = pvs.vars("set=/sys/telemetryws/enable=1", NOON);
        assertEquals(
                "{\"values\":[{\"name\":\"/sys/telemetryws/enable\",\"value\":\"1\"}],\"count\":1}",
                new String(r.body(), StandardCharsets.UTF_8));
        assertTrue(pvs.telemetryEnabled());
        assertEquals(
                200, pvs.vars("set=%2Fsys%2Ftelemetryws%2Fenable%3D0", NOON).status());
        assertFalse(pvs.telemetryEnabled());
        assertEquals(400, pvs.vars("set=/sys/info/serialnum=x", NOON).status());
        assertEquals(400, pvs.vars("set=/sys/telemetryws/enable=2", NOON).status());

        SimulatedPvs pvs5 =
                SimulatedPvs.builder().model(PvsModel.PVS5).build(5412).build();
        assertEquals(400, pvs5.vars("set=/sys/telemetryws/enable=1", NOON).status());
        assertFalse(pvs5.telemetryEnabled());
        assertTrue(SimulatedPvs.builder().build(61839).build().telemetryEnabled());
    }

    @Test
    void atNightSomeInvertersHaveOnlyTheirIdentity() throws Exception {
        SimulatedPvs pvs = SimulatedPvs.builder().build();
        VarsResponse r = pvs.vars("match=/sys/devices/inverter/", SimulatedPvsTest.MIDNIGHT);
        List<VarserverDevice> inverters = VarserverVars.parse(r.body()).devices();
        assertEquals(12, inverters.size());
        long bare = inverters.stream()
                .filter(d -> d.fields().keySet().equals(Set.of("prodMdlNm", "sn")))
                .count();
        assertTrue(bare > 0 && bare < 12, "bare: " + bare);
        Map<String, String> first = inverters.get(0).fields();
        assertEquals(0, Double.parseDouble(first.get("p3phsumKw")));
    }
}
