package io.github.solarwire.pi30.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pi30Queries PI30 = Pi30Queries.of(Pi30Protocol.PI30);
    private static final Pi30Queries MAX = Pi30Queries.of(Pi30Protocol.PI30MAX);

    @Test
    void mppSolarFieldsKeepValueTypesAndUnits() throws Exception {
        Pi30Command<QpigsResponse> qpigs = PI30.qpigs();
        Map<String, List<Object>> fields = Pi30MppSolarFormat.fields(
                qpigs, qpigs.decode(Vectors.first("pi30", "QPIGS").bytes()));
        assertEquals(List.of(0.0, "V"), fields.get("AC Input Voltage"));
        assertEquals(List.of(161, "VA"), fields.get("AC Output Apparent Power"));
        assertEquals(List.of(1, "bool"), fields.get("Is Load On"));
        assertEquals(List.of(0, "10mV"), fields.get("Battery Voltage Offset for Fans On"));
        assertEquals("AC Input Voltage", fields.keySet().iterator().next());
        assertThrows(UnsupportedOperationException.class, () -> fields.put("x", List.of()));
    }

    @Test
    void mppSolarJsonParsesBackWithTheCommand() throws Exception {
        Pi30Command<QpiriResponse> qpiri = PI30.qpiri();
        String json = Pi30MppSolarFormat.toJson(
                qpiri, qpiri.decode(Vectors.responses().get(19).bytes()));
        JsonNode tree = JSON.readTree(json);
        assertEquals("QPIRI", tree.get("_command").asText());
        assertTrue(tree.get("Max Parallel Units").get(0).isNull(), json);
        assertEquals("transformer", tree.get("Topology").get(0).asText());
        assertEquals(1, json.lines().count());
    }

    @Test
    void mppSolarRejectsAResponseOfAnotherCommand() throws Exception {
        Pi30Command<QmodResponse> qmod = PI30.qmod();
        QmodResponse mode = qmod.decode(Frames.reply("B"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Pi30MppSolarFormat.fields(PI30.qpigs(), mode));
        assertTrue(e.getMessage().contains("QmodResponse"), e.getMessage());
    }

    @Test
    void mppSolarSettingIsAckUnderItsFamily() {
        Pi30Command<Pi30Ack> pop = Pi30Settings.of(Pi30Protocol.PI30).outputSourcePriority(OutputSourcePriority.SBU);
        assertEquals(
                "{\"_command\": \"POP02\", \"POP\": [\"ACK\", \"\"]}", Pi30MppSolarFormat.toJson(pop, Pi30Ack.ACK));
    }

    @Test
    void mppSolarUnknownsAndExtras() throws Exception {
        Pi30Command<QmodResponse> qmod = PI30.qmod();
        assertEquals(
                List.of("UNKNOWN(Z)", ""),
                Pi30MppSolarFormat.fields(qmod, qmod.decode(Frames.reply("Z"))).get("Device Mode"));
        Pi30Command<QflagResponse> qflag = PI30.qflag();
        assertEquals(
                List.of("enabled", ""),
                Pi30MppSolarFormat.fields(qflag, qflag.decode(Frames.reply("EqDa")))
                        .get("unknown_q"));
        Pi30Command<QpgsResponse> qpgs = MAX.qpgs(1);
        QpgsResponse r = qpgs.decode(Frames.reply("1 92932105105315 Q 11 000.0 00.00 230.0 50.00 0989 0907 012 53.2 009"
                + " 090 349.8 009 00989 00907 011 10110110 0 1 100 120 030 02 000 275.3 02 EXTRA"));
        Map<String, List<Object>> fields = Pi30MppSolarFormat.fields(qpgs, r);
        assertEquals(List.of("UNKNOWN(Q)", ""), fields.get("Work mode"));
        assertEquals(List.of("PV over voltage", ""), fields.get("Fault code"));
        assertEquals(List.of("Open", ""), fields.get("Battery Status"));
        assertEquals(List.of("EXTRA", ""), fields.get("Unknown value in response 29"));
    }

    @Test
    void mppSolarEnergyNamesThePeriod() throws Exception {
        Pi30Command<EnergyResponse> qem = MAX.qem(java.time.YearMonth.of(2024, 12));
        Map<String, List<Object>> fields = Pi30MppSolarFormat.fields(qem, qem.decode(Frames.reply("00001234")));
        assertEquals(List.of(1234L, "Wh"), fields.get("PV Generated Energy for Month"));
        assertEquals(List.of("December", ""), fields.get("Month"));
        assertEquals(List.of("2024", ""), fields.get("Year"));
    }

    @Test
    void solarwireFormatIsTheRecord() throws Exception {
        Pi30Command<QmodResponse> qmod = PI30.qmod();
        assertEquals(
                "{\"command\": \"QMOD\", \"protocol\": \"PI30\", \"response\": {\"letter\": \"B\", \"mode\": \"BATTERY\"}}",
                Pi30SolarwireFormat.toJson(qmod, qmod.decode(Frames.reply("B"))));
        Pi30Command<QpigsResponse> qpigs = MAX.qpigs();
        JsonNode tree = JSON.readTree(Pi30SolarwireFormat.toJson(
                qpigs, qpigs.decode(Vectors.first("pi30max", "QPIGS").bytes())));
        assertEquals(54.5, tree.get("response").get("batteryVoltage").asDouble());
        assertTrue(tree.get("response").get("status").get("loadOn").asBoolean());
        assertTrue(tree.get("response").get("country").isNull());
    }

    @Test
    void jsonTextEscapesAndFormatsNumbersLikePython() {
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", JsonText.write("a\"b\\c\n\u0001"));
        assertEquals(
                "[57.5, 0.0, 1026.0, 238800, null, true]",
                JsonText.write(java.util.Arrays.asList(57.5, 0.0, 1026.0, 238800L, null, true)));
        assertEquals(
                "[12345678.0, 1.0E20, 1.0E-5, null]", JsonText.write(List.of(12345678.0, 1e20, 0.00001, Double.NaN)));
    }
}
