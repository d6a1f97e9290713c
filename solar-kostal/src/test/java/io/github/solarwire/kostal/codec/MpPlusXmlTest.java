package io.github.solarwire.kostal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.solarwire.core.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PIKO MP plus all.xml, with the values the vectors' README states. */
class MpPlusXmlTest {

    @Test
    void piko15() throws Exception {
        MpPlusXml x = MpPlusXml.parse(Vectors.bytes(Vectors.MP15));
        assertEquals("PIKO 1.5-1 MP plus", x.name());
        assertEquals(2, x.busAddress());
        assertEquals(1500.0, x.nominalPower());
        assertEquals(235.1, x.value("AC_Voltage").orElseThrow());
        assertEquals(0.607, x.value("AC_Current").orElseThrow());
        assertEquals(131.1, x.value("AC_Power").orElseThrow());
        assertEquals(130.2, x.value("AC_Power_fast").orElseThrow());
        assertEquals(50.015, x.value("AC_Frequency").orElseThrow());
        assertEquals(259.2, x.value("DC_Voltage").orElseThrow());
        assertEquals(0.541, x.value("DC_Current").orElseThrow());
        assertEquals(351.8, x.value("LINK_Voltage").orElseThrow());
        assertEquals(100.0, x.value("Derating").orElseThrow());
        assertFalse(x.value("GridPower").isPresent());
        assertFalse(x.value("OwnConsumedPower").isPresent());
        assertEquals(20000.0, x.yieldTotal());
        assertEquals("Standby", x.state());
        PikoStatus s = x.toStatus();
        assertEquals(131.1, s.acPower());
        assertEquals(PikoState.IDLE, s.state());
        assertEquals(new PikoStatus.PvString(1, 259.2, 0.541, null), s.string(1).orElseThrow());
        assertEquals(new PikoStatus.Phase(1, 235.1, 0.607, 131.1), s.phase(1).orElseThrow());
    }

    @Test
    void piko30StandbyHasNoAcReadings() throws Exception {
        MpPlusXml x = MpPlusXml.parse(Vectors.bytes(Vectors.MP30));
        assertEquals("PIKO 3.0-2 MP plus", x.name());
        assertEquals(1, x.busAddress());
        assertEquals(236.0, x.value("AC_Voltage").orElseThrow());
        assertFalse(x.value("AC_Current").isPresent());
        assertFalse(x.value("AC_Power").isPresent());
        assertEquals(50.014, x.value("AC_Frequency").orElseThrow());
        assertEquals(118.7, x.value("DC_Voltage1").orElseThrow());
        assertEquals(120.6, x.value("DC_Voltage2").orElseThrow());
        assertEquals(0.0, x.value("DC_Power Total").orElseThrow());
        assertEquals(38.9, x.value("Temp").orElseThrow());
        assertEquals(
                "°C",
                x.measurements().stream()
                        .filter(m -> m.type().equals("Temp"))
                        .findFirst()
                        .orElseThrow()
                        .unit());
        assertEquals(10_388_270.0, x.yieldTotal());
        assertEquals("Standby", x.state());
        PikoStatus s = x.toStatus();
        assertNull(s.acPower());
        assertEquals(2, s.strings().size());
        assertEquals(new PikoStatus.PvString(2, 120.6, null, null), s.string(2).orElseThrow());
    }

    @Test
    void externalEntitiesAreNeverResolved(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOPSECRET");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE root [<!ENTITY x SYSTEM \"" + secret.toUri()
                + "\">]><root><Device Name=\"&x;\"><State Value=\"&x;\"/></Device></root>";
        MpPlusXml x = MpPlusXml.parse(xml.getBytes(StandardCharsets.UTF_8));
        assertFalse(String.valueOf(x.name()).contains("TOPSECRET"));
        assertFalse(String.valueOf(x.state()).contains("TOPSECRET"));
    }

    @Test
    void badDocumentsAreProtocolExceptions() {
        assertThrows(ProtocolException.class, () -> MpPlusXml.parse("<root/>".getBytes(StandardCharsets.UTF_8)));
        assertThrows(
                ProtocolException.class,
                () -> MpPlusXml.parse(
                        "<root><Device><Measurements><Measurement Value='1,5' Unit='V' Type='AC_Voltage'/></Measurements></Device></root>"
                                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void kilowattHoursAreConvertedOnce() throws Exception {
        MpPlusXml x = MpPlusXml.parse(("<root><Device><Yields><Yield Type='Produced' Slot='Total' Unit='kWh'>"
                        + "<YieldValue Value='10.5'/></Yield></Yields></Device></root>")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(10_500.0, x.yieldTotal());
    }
}
