package io.github.solarwire.pi30.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.solarwire.core.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of responses.jsonl through the codec: the frame check, the CRC fields, the decode (or
 * the refusal), and, for the two variants implemented, the mpp-solar rendering on every field
 * both sides name. The exact per-row differences from mpp-solar are asserted by the {@code solar
 * decode pi30} test in {@code examples}; the list is in this module's README.
 */
class ResponseVectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** mpp-solar field names this library does not produce, because mpp-solar's decode is wrong there. */
    private static final Set<String> NAMES_WE_REPLACE = Set.of(
            "_command_description",
            "RSV1",
            "RSV2",
            "Is Battery Over Voltage",
            "Is Battery Under Voltage",
            "Unknown float",
            "Unknown flags?",
            "Max Charging Current",
            "Max Utility Charging Current",
            "0",
            "Battery short fault",
            "Power limit warning",
            "PV voltage high warning",
            "MPPT overload fault",
            "MPPT overload warning",
            "Battery too low to charge warning");

    /** Fields both name whose value mpp-solar gets wrong. */
    private static final Set<String> VALUES_WE_CORRECT = Set.of("Max Parallel Units", "Output mode");

    static Stream<Vectors.Response> responses() {
        return Vectors.responses().stream();
    }

    private static Pi30Frame.Check check(Vectors.Response row) {
        return row.protocol().equals("pi30revo") ? Pi30Frame.Check.CRC_OR_SUM : Pi30Frame.Check.CRC;
    }

    @Test
    void everyResponseRowIsRead() {
        assertEquals(80, Vectors.responses().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    void frameCheckAgreesWithTheVector(Vectors.Response row) {
        byte[] bytes = row.bytes();
        if (!row.frameCheckOk()) {
            ProtocolException e = assertThrows(
                    ProtocolException.class, () -> Pi30Frame.parse(bytes, 0, bytes.length, check(row)), row.toString());
            assertEquals("bad CRC", e.what(), row.toString());
            return;
        }
        try {
            Pi30Frame frame = Pi30Frame.parse(bytes, 0, bytes.length, check(row));
            String payload = frame.payload();
            Pi30Frame.Kind expected = payload.equals("NAK")
                    ? Pi30Frame.Kind.NAK
                    : payload.equals("ACK")
                            ? Pi30Frame.Kind.ACK
                            : bytes[0] == '(' ? Pi30Frame.Kind.DATA : Pi30Frame.Kind.REQUEST;
            assertEquals(expected, frame.kind(), row.toString());
        } catch (ProtocolException e) {
            fail(row + ": " + e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    void crcFieldsAgreeWithTheVector(Vectors.Response row) {
        JsonNode crc = row.crc();
        byte[] bytes = row.bytes();
        int covered = bytes.length - 3;
        int raw = Pi30Crc.xmodem(bytes, 0, covered);
        assertEquals(crc.get("xmodem_raw").asText(), String.format("%04x", raw), row.toString());
        assertEquals(
                crc.get("voltronic_adjusted").asText(),
                String.format("%04x", Pi30Crc.bump(raw, Pi30Crc.Bump.DELIMITERS_AND_ZERO)),
                row.toString());
        int received = (bytes[covered] & 0xFF) << 8 | bytes[covered + 1] & 0xFF;
        assertEquals(crc.get("valid_crc16").asBoolean(), Pi30Crc.accepts(received, raw), row.toString());
        if (crc.has("valid_revo_chk")) {
            boolean sum = (bytes[bytes.length - 2] & 0xFF) == Pi30Crc.sumPlusOne(bytes, 0, bytes.length - 2);
            assertEquals(crc.get("valid_revo_chk").asBoolean(), sum, row.toString());
        }
    }

    /** Every row whose command this library knows decodes, or is refused exactly when mpp-solar says so. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    void decodesOrRefusesAsTheVectorSays(Vectors.Response row) throws ProtocolException {
        Pi30Command<?> command;
        try {
            command = Pi30Commands.parse(row.command(), row.variant());
        } catch (IllegalArgumentException unknown) {
            assertTrue(row.protocol().equals("pi30revo"), row + ": only PI30REVO commands are unknown");
            return;
        }
        JsonNode expected = row.expected();
        if (!row.frameCheckOk()) {
            assertThrows(ProtocolException.class, () -> command.decode(row.bytes()), row.toString());
            return;
        }
        if (expected.has("validity check") || expected.has("ERROR")) {
            boolean nak = !expected.has("validity check")
                    || expected.get("validity check").get(0).asText().contains("NAK");
            assertTrue(nak, row.toString());
            if (command.isSetting()) {
                assertEquals(Pi30Ack.NAK, command.decode(row.bytes()));
            } else {
                Pi30NakException e =
                        assertThrows(Pi30NakException.class, () -> command.decode(row.bytes()), row.toString());
                assertEquals(expected.has("ERROR"), e.echoed(), row.toString());
            }
            return;
        }
        Object decoded = command.decode(row.bytes());
        assertNotNull(decoded, row.toString());
        if (command.isSetting()) {
            assertEquals(Pi30Ack.ACK, decoded);
        }
    }

    /**
     * For pi30 and pi30max rows, the mpp-solar rendering equals mpp-solar's output on every field
     * both name; a field only mpp-solar names is one it decodes wrongly.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    void mppSolarRenderingAgreesOnSharedFields(Vectors.Response row) throws Exception {
        if (!row.supportedProtocol() || !row.frameCheckOk()) {
            return;
        }
        JsonNode expected = row.expected();
        if (expected.has("validity check") || expected.has("ERROR")) {
            return;
        }
        Pi30Command<?> command = Pi30Commands.parse(row.command(), row.variant());
        Object decoded = command.decode(row.bytes());
        JsonNode ours = JSON.readTree(Pi30MppSolarFormat.toJson(command, decoded));
        assertEquals(row.command(), ours.get("_command").asText());
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : expected.properties()) {
            String name = field.getKey();
            JsonNode theirs = withoutExtras(field.getValue());
            if (!ours.has(name)) {
                if (!NAMES_WE_REPLACE.contains(name) && !name.startsWith("Unknown value in response")) {
                    problems.add("missing " + name);
                }
            } else if (!ours.get(name).equals(theirs) && !VALUES_WE_CORRECT.contains(name)) {
                problems.add(name + ": ours " + ours.get(name) + ", mpp-solar " + theirs);
            }
        }
        assertEquals(List.of(), problems, row.toString());
    }

    /** [value, unit] without the Home Assistant extras mpp-solar adds as a third element. */
    static JsonNode withoutExtras(JsonNode value) {
        if (!value.isArray() || value.size() <= 2) {
            return value;
        }
        return JSON.createArrayNode().add(value.get(0)).add(value.get(1));
    }

    @Test
    void theFourBrokenFixturesAreRejectedAndTheirCorrectFrameDecodes() throws ProtocolException {
        List<Vectors.Response> broken =
                Vectors.responses().stream().filter(r -> !r.frameCheckOk()).toList();
        assertEquals(4, broken.size());
        for (Vectors.Response row : broken) {
            assertTrue(row.json().get("note").asText().contains("WRONG"), row.toString());
        }
        // The pi30 QMOD fixture with the check bytes a device sends: Standby.
        byte[] qmod = Vectors.first("pi30", "QMOD").bytes();
        byte[] fixed = Frames.reply(new String(qmod, 1, qmod.length - 4, java.nio.charset.StandardCharsets.US_ASCII));
        QmodResponse mode = Pi30Queries.of(Pi30Protocol.PI30).qmod().decode(fixed);
        assertEquals(DeviceMode.STANDBY, mode.mode());
    }

    @Test
    void commandEchoIsANakNamingTheCommand() {
        byte[] echo = Vectors.responses().stream()
                .filter(r ->
                        r.json().has("note") && r.json().get("note").asText().contains("echoed"))
                .findFirst()
                .orElseThrow()
                .bytes();
        Pi30NakException e = assertThrows(
                Pi30NakException.class,
                () -> Pi30Queries.of(Pi30Protocol.PI30).qpgs(0).decode(echo));
        assertTrue(e.echoed());
        assertEquals("QPGS0", e.command());
        assertTrue(e.getMessage().contains("NAK"), e.getMessage());
        // An echo of another command is not a refusal of this one.
        ProtocolException other = assertThrows(
                ProtocolException.class,
                () -> Pi30Queries.of(Pi30Protocol.PI30).qpigs().decode(echo));
        assertInstanceOf(ProtocolException.class, other);
        assertTrue(!(other instanceof Pi30NakException), other.getMessage());
    }
}
