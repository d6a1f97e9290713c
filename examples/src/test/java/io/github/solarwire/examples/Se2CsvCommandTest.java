package io.github.solarwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.testkit.TestVectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code solar se2csv} on the shared vectors, with a delimiter, appending, and mixed records. */
class Se2CsvCommandTest {

    private static final Path VECTORS = TestVectors.directory("solaredge");

    private static List<String> csvFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".csv"))
                    .sorted()
                    .toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"issue135_rs485_frames", "synthetic_edge_cases", "synthetic_encrypted_7f104920"})
    void theVectorsCsvFilesAreReproducedByteForByte(String name, @TempDir Path dir) throws Exception {
        Run run = Run.of(
                "se2csv",
                "-t",
                "-p",
                dir.resolve(name).toString(),
                VECTORS.resolve(name + ".expected.json").toString());
        assertEquals(0, run.code(), run.err());
        List<String> expected;
        try (Stream<Path> files = Files.list(VECTORS.resolve("se2csv"))) {
            expected = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(name + "."))
                    .sorted()
                    .toList();
        }
        assertEquals(expected, csvFiles(dir));
        for (String file : expected) {
            assertEquals(
                    Files.readString(VECTORS.resolve("se2csv").resolve(file)),
                    Files.readString(dir.resolve(file)),
                    file);
        }
    }

    @Test
    void mixedSingleAndThreePhaseInvertersDoNotCrashIt(@TempDir Path dir) throws Exception {
        Run run = Run.of(
                "se2csv",
                "-t",
                "-p",
                dir.resolve("all").toString(),
                VECTORS.resolve("synthetic_all_devices.expected.json").toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("inverters: attribute '"), run.err());
        List<String> files = csvFiles(dir);
        assertTrue(
                files.containsAll(List.of(
                        "all.inverters.csv",
                        "all.optimizers.csv",
                        "all.events.csv",
                        "all.batteries_0x0030.csv",
                        "all.meters_0x0022.csv",
                        "all.Unknown_device_0x0017.csv")),
                files.toString());
        List<String> inverters = Files.readAllLines(dir.resolve("all.inverters.csv"));
        assertEquals(4, inverters.size(), inverters.toString());
        long columns = inverters.get(0).chars().filter(c -> c == ',').count();
        for (String row : inverters) {
            assertEquals(columns, row.chars().filter(c -> c == ',').count(), row);
        }
    }

    @Test
    void allColumnsKeepsEveryAttributeOfEveryRecord(@TempDir Path dir) throws Exception {
        Run run = Run.of(
                "se2csv",
                "-t",
                "--all-columns",
                "-p",
                dir.resolve("all").toString(),
                VECTORS.resolve("synthetic_all_devices.expected.json").toString());
        assertEquals(0, run.code(), run.err());
        assertEquals("", run.err());
        List<String> inverters = Files.readAllLines(dir.resolve("all.inverters.csv"));
        assertEquals(4, inverters.size(), inverters.toString());
        List<String> header = List.of(inverters.get(0).split(","));
        assertTrue(header.containsAll(List.of("Vac", "Vac1", "Pac", "CosPhi1")), header.toString());
        String single = inverters.stream()
                .filter(r -> r.startsWith("7F104920,"))
                .findFirst()
                .orElseThrow();
        assertEquals("370.0625", single.split(",", -1)[header.indexOf("Vdc")]);
    }

    @Test
    void theDelimiterIsUsedAndAppendAddsRows(@TempDir Path dir) throws Exception {
        String input = VECTORS.resolve("synthetic_edge_cases.expected.json").toString();
        String prefix = dir.resolve("e").toString();
        assertEquals(0, Run.of("se2csv", "-t", "-d", ";", "-p", prefix, input).code());
        assertEquals(0, Run.of("se2csv", "-a", "-d", "\\t", "-p", prefix, input).code());
        List<String> rows = Files.readAllLines(dir.resolve("e.optimizers.csv"));
        assertEquals(5, rows.size(), rows.toString());
        assertEquals("__Identifier__;Date;Eday;ID;Imod;Inverter;Temp;Time;Uptime;Vmod;Vopt", rows.get(0));
        assertEquals("114C8EDE;2023-11-14;10.25;114C8EDE;0.375;0;12.0;22:13:20;1;36.125;13.5", rows.get(1));
        assertEquals("100BDB68\t2023-11-14\t4.0\t100BDB68\t3.0\t7F104920\t-5.0\t22:13:20\t5\t1.0\t2.0", rows.get(4));
    }

    @Test
    void fieldsWithTheDelimiterOrQuotesAreQuotedAsPythonDoes(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("in.json");
        Files.writeString(
                input,
                "{\"events\": {\"1\": {\"Date\": \"2023-11-14\", \"Text\": \"a;b \\\"c\\\"\", \"N\": null,"
                        + " \"X\": NaN, \"F\": true}}}\n");
        Run run = Run.of("se2csv", "-d", ";", "-p", dir.resolve("q").toString(), input.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals("1;2023-11-14;True;;\"a;b \"\"c\"\"\";nan\r\n", Files.readString(dir.resolve("q.events.csv")));
    }

    @Test
    void badLinesAreReportedAndSkippedWithExitCodeOne(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("in.json");
        Files.writeString(
                input,
                "{\"optimizers\": {\"A\": {\"Date\": \"d\", \"V\": 1}}}\n"
                        + "{\"optimizers\": {\"B\": 7}}\n"
                        + "{\"optimizers\": {\"A\": {\"Date\": \"d\", \"V\": 2}}\n"
                        + "{\"../x\": {\"A\": {\"Date\": \"d\"}}}\n"
                        + "{\"optimizers\": {\"C\": {\"Date\": \"d\", \"V\": 3}}}\n");
        Run run = Run.of("se2csv", "-p", dir.resolve("b").toString(), input.toString());
        assertEquals(1, run.code(), run.err());
        assertEquals(3, run.err().lines().count(), run.err());
        assertEquals("A,d,1\r\nC,d,3\r\n", Files.readString(dir.resolve("b.optimizers.csv")));
    }

    @Test
    void aLongDelimiterIsAUsageError(@TempDir Path dir) {
        Run run = Run.of("se2csv", "-d", "::", "-p", dir.resolve("x").toString(), "-");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("--delimiter"), run.err());
    }
}
