package io.github.solarwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The launcher's usage errors: one line, naming the option and what it accepts, exit code 2. */
class SolarCliTest {

    private static void assertOneLineUsageError(Run run, String... mentions) {
        assertEquals(2, run.code(), run.err());
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), "expected one line, got: " + run.err());
        for (String mention : mentions) {
            assertTrue(lines.get(0).contains(mention), "'" + mention + "' missing from: " + lines.get(0));
        }
        assertEquals("", run.out());
    }

    @Test
    void unknownOptionNamesItAndListsTheAcceptedOnes() {
        Run run = Run.of("demo", "--frobnicate");
        assertOneLineUsageError(run, "'--frobnicate'", "accepted options:", "--duration", "--out", "--quiet");
    }

    @Test
    void badDurationNamesTheOptionAndTheAcceptedForms() {
        assertOneLineUsageError(Run.of("demo", "--duration", "5 parsecs"), "--duration", "5 parsecs", "accepted:");
    }

    @Test
    void badNumberNamesTheOption() {
        assertOneLineUsageError(Run.of("demo", "--devices", "many"), "--devices", "many");
    }

    @Test
    void outOfRangeDeviceCountNamesTheRange() {
        assertOneLineUsageError(Run.of("demo", "--devices", "0", "--duration", "1s"), "--devices", "1 to 1000");
    }

    @Test
    void zeroIntervalIsRejected() {
        assertOneLineUsageError(Run.of("demo", "--interval", "0", "--duration", "1s"), "--interval", "accepted");
    }

    @Test
    void unknownAppListsTheApps() {
        assertOneLineUsageError(Run.of("frobnicate"), "'frobnicate'", "accepted: decode, demo, kostal2mqtt, mppsolar");
    }

    @Test
    void noAppListsTheApps() {
        assertOneLineUsageError(Run.of(), "no app given", "accepted: decode, demo, kostal2mqtt, mppsolar");
    }

    @Test
    void badEnvironmentValueIsAUsageErrorToo() {
        Run run = Run.of(Map.of("SOLAR_DEMO_DURATION", "soon"), "demo");
        assertOneLineUsageError(run, "--duration", "soon");
    }

    @Test
    void helpNamesTheEnvironmentVariableOfEveryOption() {
        Run run = Run.of("demo", "--help");
        assertEquals(0, run.code());
        CommandLine demo = Solar.commandLine(Map.of(), System.out, System.err)
                .getSubcommands()
                .get("demo");
        int checked = 0;
        for (CommandLine.Model.OptionSpec option : demo.getCommandSpec().options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            String variable = "SOLAR_DEMO_"
                    + option.longestName().substring(2).toUpperCase().replace('-', '_');
            assertTrue(run.out().replaceAll("\\s+", " ").contains("(env: " + variable + ")"), variable);
            checked++;
        }
        assertTrue(checked >= 7, "checked " + checked + " options");
    }

    @Test
    void unwritableOutputFileFailsWithExitCodeOneAndNamesTheFile(@TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        Path out = notADirectory.resolve("demo.jsonl");
        Run run = Run.of("demo", "--duration", "1s", "--out", out.toString(), "--quiet");
        assertEquals(1, run.code());
        assertTrue(run.err().contains(out.toString()), run.err());
    }
}
