package io.github.solarwire.pi30.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's snippets run and do what the README says. */
class ReadmeSnippetsRunTest {

    @Test
    void quickStartEncodesAndDecodes() throws Exception {
        ReadmeSnippets.QuickStart run =
                ReadmeSnippets.quickStart(Vectors.first("pi30", "QPIGS").bytes());
        assertArrayEquals(Vectors.hex("5150494753b7a90d"), run.request());
        assertEquals(57.5, run.batteryVolts());
        assertTrue(run.json().startsWith("{\"_command\": \"QPIGS\", \"AC Input Voltage\": [0.0, \"V\"], "), run.json());
    }

    @Test
    void streamSnippetReassemblesHidReports() {
        byte[] reply = Frames.reply("PI30");
        byte[] first = java.util.Arrays.copyOfRange(reply, 0, 8);
        List<Pi30Frame> frames = ReadmeSnippets.stream(
                List.of(first, new byte[8], Pi30Request.of("QPIGS").frame()));
        assertEquals(2, frames.size());
        assertEquals("PI30", frames.get(0).payload());
        assertEquals(Pi30Frame.Kind.REQUEST, frames.get(1).kind());
    }

    @Test
    void settingSnippetEncodesAndItsCommentIsTrue() {
        assertEquals("PSDV44.0", ReadmeSnippets.setting().request().command());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Pi30Settings.of(Pi30Protocol.PI30MAX).batteryCutOffVoltage(BatteryBank.V48, 38.0));
        assertEquals(
                "PSDV: 38.0 V is not allowed; allowed: 40.0 to 48.0 V in steps of 0.1 V on a 48 V bank",
                e.getMessage());
    }
}
