package io.github.solarwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.solarwire.kostal.codec.Port81Command;
import io.github.solarwire.kostal.codec.Port81Response;
import io.github.solarwire.testkit.TestVectors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code solar decode kostal} on the shared vectors and on bad input. */
class KostalDecodeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path vector(String file) {
        return TestVectors.directory("kostal").resolve(file);
    }

    @Test
    void pagePrintsTheKostal2mqttDocument() throws Exception {
        Run run = Run.of(
                "decode",
                "kostal",
                vector("piko_html/index.piko5.5.de.3strings-3phases.kostalpyko-index55-1.html")
                        .toString());
        assertEquals(0, run.code(), run.err());
        JsonNode piko = JSON.readTree(run.out()).get("PIKO");
        assertEquals(112, piko.at("/ENERGY/actual").asInt());
        assertEquals("Einspeisen MPP", piko.at("/STATE/string").asText());
        assertEquals(3, piko.at("/STATE/flag").asInt());
    }

    @Test
    void pageAsSolarwireReadings() throws Exception {
        Run run = Run.of(
                "decode",
                "kostal",
                "--format",
                "solarwire",
                "--time",
                "2024-06-01T12:00:00Z",
                vector("piko_html/index.piko3.6.en.2strings-1phase.kostalpyko-index2-1.html")
                        .toString());
        assertEquals(0, run.code(), run.err());
        JsonNode r = JSON.readTree(run.out());
        assertEquals(2336.0, r.at("/values/ac.power").asDouble(), run.out());
        assertEquals(3.3523E7, r.at("/values/pv.energy.total").asDouble(), run.out());
        assertEquals("supply MPP", r.at("/states/kostal.status").asText(), run.out());
    }

    @Test
    void xmlAndLogDatenAreDetected() throws Exception {
        Run xml = Run.of(
                "decode",
                "kostal",
                vector("piko_mp_plus/all.PIKO_1.5-1_MP_plus.excerpt.xml").toString());
        assertEquals(0, xml.code(), xml.err());
        assertEquals(2, JSON.readTree(xml.out()).at("/PIKO/STATE/flag").asInt());
        Run log = Run.of(
                "decode",
                "kostal",
                "--format",
                "solarwire",
                "--time",
                "2024-06-01T12:00:00Z",
                vector("logdaten/LogDaten.piko10.1.excerpt.kostal2mqtt-sandbox.txt")
                        .toString());
        assertEquals(0, log.code(), log.err());
        assertEquals(6, log.out().lines().count());
        assertTrue(log.out().contains("\"dc.current.pv1\":1.1"), log.out());
    }

    @Test
    void port81FrameIsDetected(@TempDir Path dir) throws Exception {
        byte[] payload = new byte[60];
        payload[30] = (byte) 0xFC; // L1 2300 = 0x08FC -> 230.0 V
        payload[31] = 0x08;
        payload[34] = 100; // L1 100 W
        Path file = dir.resolve("tech.bin");
        Files.write(file, Port81Response.encode(255, Port81Command.TECHNICAL_DATA, payload));
        Run run = Run.of("decode", "kostal", file.toString());
        assertEquals(0, run.code(), run.err());
        JsonNode piko = JSON.readTree(run.out()).get("PIKO");
        assertEquals(230.0, piko.at("/OUT/PHASE1/voltage").asDouble());
        assertEquals(100, piko.at("/ENERGY/actual").asInt());
    }

    @Test
    void badInputIsAnErrorLineAndExitOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("index.fhtml");
        Files.writeString(file, "<html><body>401 Unauthorized</body></html>", StandardCharsets.ISO_8859_1);
        Run run = Run.of("decode", "kostal", file.toString());
        assertEquals(1, run.code());
        assertTrue(JSON.readTree(run.out()).get("error").asText().startsWith("not a PIKO status page"), run.out());
    }

    @Test
    void usageErrorsAreOneLineAndExitTwo() {
        Run missing = Run.of("decode", "kostal", "/no/such/file");
        assertEquals(2, missing.code());
        assertEquals(1, missing.err().lines().count(), missing.err());
        Run type = Run.of("decode", "kostal", "--type", "pdf", "x");
        assertEquals(2, type.code());
        assertEquals(1, type.err().lines().count(), type.err());
        Run command = Run.of("decode", "kostal", "--command", "0x00", "x");
        assertEquals(2, command.code());
        assertTrue(command.err().contains("--command"), command.err());
    }
}
