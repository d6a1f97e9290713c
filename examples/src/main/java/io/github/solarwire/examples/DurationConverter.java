package io.github.solarwire.examples;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads a duration as people write it: {@code 250ms}, {@code 10s}, {@code 5m}, {@code 1h30m},
 * {@code 2d}, ISO-8601 {@code PT10S}, or a bare number of seconds.
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    /** The accepted forms, for error messages. */
    static final String ACCEPTED = "accepted: 250ms, 10s, 5m, 1h30m, 2d, PT10S or a number of seconds";

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

    @Override
    public Duration convert(String value) {
        Duration parsed = parse(value);
        if (parsed == null) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration; " + ACCEPTED);
        }
        return parsed;
    }

    /** Parses, or returns null when the text is not a duration. */
    static Duration parse(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return null;
        }
        if (text.startsWith("p")) {
            try {
                Duration d = Duration.parse(text.toUpperCase(Locale.ROOT));
                return d.isNegative() ? null : d;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        if (text.matches("\\d+(\\.\\d+)?")) {
            return Duration.ofNanos(Math.round(Double.parseDouble(text) * 1e9));
        }
        Matcher m = PART.matcher(text);
        long nanos = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                return null;
            }
            end = m.end();
            double amount = Double.parseDouble(m.group(1));
            double unitNanos = switch (m.group(2)) {
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                case "h" -> 3600e9;
                default -> 86400e9;
            };
            nanos += Math.round(amount * unitNanos);
        }
        return end == text.length() ? Duration.ofNanos(nanos) : null;
    }
}
