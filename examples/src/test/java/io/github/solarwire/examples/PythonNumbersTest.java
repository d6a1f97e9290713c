package io.github.solarwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers as Python's str(json.loads(text)) prints them (the expected texts are CPython 3.11's output). */
class PythonNumbersTest {

    @ParameterizedTest
    @CsvSource({
        "1753730396, 1753730396",
        "-12, -12",
        "6.5590014648437509, 6.5590014648437505",
        "2.1732543945312505, 2.1732543945312504",
        "-4.3857470703125, -4.3857470703125",
        "39676.479999999996, 39676.479999999996",
        "6473.23, 6473.23",
        "0.575, 0.575",
        "1.0, 1.0",
        "100.00, 100.0",
        "0.0001, 0.0001",
        "0.00001, 1e-05",
        "1.5e-7, 1.5e-07",
        "1e16, 1e+16",
        "123456789012345678.0, 1.2345678901234568e+17",
        "9999999999999998.0, 9999999999999998.0",
        "-0.0, -0.0",
        "0.1, 0.1",
        "5e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "nan, nan"
    })
    void printsAsPython(String json, String python) {
        assertEquals(python, PythonNumbers.fromJson(json));
    }

    @Test
    void theTextReadsBackAsTheSameDouble() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            String text = PythonNumbers.repr(d);
            assertEquals(d, Double.parseDouble(text), text);
            // no shorter text reads back: Java 19+'s Double.toString is the shortest; compare digit counts
            String digits =
                    text.replaceAll("e.*", "").replace("-", "").replace(".", "").replaceAll("^0+", "");
            digits = digits.replaceAll("0+$", "");
            assertEquals(true, digits.length() <= 17, text);
        }
    }
}
