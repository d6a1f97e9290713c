package io.github.solarwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class DurationConverterTest {

    @ParameterizedTest
    @CsvSource({
        "250ms, PT0.25S",
        "10s, PT10S",
        "5m, PT5M",
        "1h30m, PT1H30M",
        "2d, PT48H",
        "1.5s, PT1.5S",
        "PT10S, PT10S",
        "pt2m, PT2M",
        "7, PT7S",
        "0, PT0S",
        "' 3s ', PT3S"
    })
    void readsTheFormsPeopleWrite(String text, String iso) {
        assertEquals(Duration.parse(iso), new DurationConverter().convert(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "5x", "5 s", "-5s", "1h-30m", "PT-5S", "ten seconds", "5s5"})
    void rejectsEverythingElseNamingTheAcceptedForms(String text) {
        CommandLine.TypeConversionException e =
                assertThrows(CommandLine.TypeConversionException.class, () -> new DurationConverter().convert(text));
        assertTrue(e.getMessage().contains("accepted:"), e.getMessage());
    }
}
