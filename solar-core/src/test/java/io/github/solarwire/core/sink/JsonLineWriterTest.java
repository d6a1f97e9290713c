package io.github.solarwire.core.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Metric;
import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Unit;
import java.io.IOException;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded random inputs: whatever the writer emits, an independent parser reads back exactly. */
class JsonLineWriterTest {

    private static final DeviceInfo DEVICE =
            DeviceInfo.builder("d-1", "inverter").build();
    private static final Metric M = Metric.gauge("m", Unit.WATT);

    private static double parseNumber(String line) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(line)) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("m")) {
                    p.nextToken();
                    return p.getDoubleValue();
                }
            }
        }
        throw new AssertionError("no value in " + line);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void everyNumberReadsBackAsTheSameDouble(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        JsonLineWriter writer = new JsonLineWriter();
        for (int i = 0; i < 20_000; i++) {
            double v = switch (i % 5) {
                case 0 -> Math.round(random.nextDouble(-1e6, 1e6) * 10) / 10.0;
                case 1 -> Math.round(random.nextDouble(-1e4, 1e4) * 1000) / 1000.0;
                case 2 -> random.nextDouble(-1e13, 1e13);
                case 3 -> Double.longBitsToDouble(random.nextLong()) % 1e20;
                default -> random.nextLong(-1_000_000_000_000L, 1_000_000_000_000L) / 1000.0;
            };
            if (!Double.isFinite(v)) {
                continue;
            }
            writer.encode(Reading.builder(DEVICE, Instant.EPOCH).add(M, v).build());
            assertEquals(v, parseNumber(writer.text()), writer.text());
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, 1e-320, 1e12, 999_999_999_999.999, 0.001, -0.1, 123456.7, Double.MAX_VALUE})
    void edgeNumbersReadBackAsTheSameDouble(double v) throws IOException {
        JsonLineWriter writer = new JsonLineWriter();
        writer.encode(Reading.builder(DEVICE, Instant.EPOCH).add(M, v).build());
        double back = parseNumber(writer.text());
        assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(back), writer.text());
    }

    @ParameterizedTest
    @ValueSource(longs = {4, 5})
    void timestampsMatchInstantToString(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        JsonLineWriter writer = new JsonLineWriter();
        for (int i = 0; i < 5_000; i++) {
            long second = random.nextLong(-10_000_000_000L, 300_000_000_000L);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(second, nano);
            writer.encode(Reading.builder(DEVICE, t).build());
            try (JsonParser p = new JsonFactory().createParser(writer.text())) {
                p.nextToken();
                p.nextFieldName();
                assertEquals(t.toString(), p.nextTextValue());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {6, 7})
    void anyStateTextReadsBackUnchanged(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        JsonLineWriter writer = new JsonLineWriter();
        for (int i = 0; i < 5_000; i++) {
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(12);
            for (int j = 0; j < n; j++) {
                text.append(
                        switch (random.nextInt(4)) {
                            case 0 -> (char) random.nextInt(0x80);
                            case 1 -> (char) random.nextInt(0x800);
                            case 2 -> "\"\\\n\t😀".charAt(random.nextInt(6));
                            default -> (char) random.nextInt(0x10000);
                        });
            }
            String expected = text.toString();
            writer.encode(
                    Reading.builder(DEVICE, Instant.EPOCH).state("s", expected).build());
            try (JsonParser p = new JsonFactory().createParser(writer.text())) {
                String found = null;
                while (p.nextToken() != null) {
                    if (p.currentToken() == JsonToken.FIELD_NAME
                            && p.currentName().equals("s")) {
                        found = p.nextTextValue();
                    }
                }
                assertEquals(expected, found, writer.text());
            }
        }
    }
}
