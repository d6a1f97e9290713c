package io.github.solarwire.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The skip-or-fail decision, fed a made-up environment so it does not depend on the machine's. */
class ExternalToolsTest {

    private static final String MISSING = "definitely-not-a-command-xyz";

    @Test
    void aMissingToolSkipsOutsideCiAndNamesThePackage() {
        TestAbortedException e = assertThrows(
                TestAbortedException.class, () -> ExternalTools.require(MISSING, "pkg", Map.of("PATH", "/bin")));
        assertTrue(e.getMessage().contains("apt-get install pkg"), e.getMessage());
    }

    @Test
    void aMissingToolFailsUnderCi() {
        AssertionFailedError e = assertThrows(
                AssertionFailedError.class,
                () -> ExternalTools.require(MISSING, "pkg", Map.of("PATH", "/bin", "CI", "true")));
        assertTrue(e.getMessage().contains("apt-get install pkg"), e.getMessage());
    }

    @Test
    void aToolOnThePathIsReturnedEvenUnderCi() {
        Path sh = ExternalTools.require("sh", "dash", Map.of("PATH", "/nowhere:/bin", "CI", "true"));
        assertEquals(Path.of("/bin/sh"), sh);
    }
}
