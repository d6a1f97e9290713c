package io.github.solarwire.core;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Malformed input from a device or a file: says what was wrong, where, what was expected and what
 * was found.
 *
 * <p>Parsers throw only this on bad input, whatever the bytes. The message reads like {@code bad
 * CRC at offset 118: expected 0x5A3C, found 0x1F00}. The found text is cut to 80 characters so a
 * megabyte of garbage never lands in a log line.
 */
public class ProtocolException extends IOException {

    private static final int MAX_FOUND = 80;

    /** What was wrong. */
    private final String what;
    /** The offset in the input, or -1. */
    private final long offset;
    /** What was expected, or null. */
    private final String expected;
    /** What was found, clipped, or null. */
    private final String found;

    /**
     * A problem with no position or expectation to report.
     *
     * @param what what was wrong, e.g. {@code "response is not a PI30 frame"}
     */
    public ProtocolException(String what) {
        this(what, -1, null, null, null);
    }

    /**
     * A problem at a known position.
     *
     * @param what what was wrong, e.g. {@code "bad CRC"}
     * @param offset the byte or character offset in the input, or -1 when unknown
     * @param expected what was expected there, or null
     * @param found what was found there, or null
     */
    public ProtocolException(String what, long offset, String expected, String found) {
        this(what, offset, expected, found, null);
    }

    /**
     * A problem at a known position, caused by another exception.
     *
     * @param what what was wrong
     * @param offset the byte or character offset in the input, or -1 when unknown
     * @param expected what was expected there, or null
     * @param found what was found there, or null
     * @param cause the underlying exception, or null
     */
    public ProtocolException(String what, long offset, String expected, String found, Throwable cause) {
        super(message(what, offset, expected, clip(found)), cause);
        this.what = what;
        this.offset = offset;
        this.expected = expected;
        this.found = clip(found);
    }

    /**
     * What was wrong, without position or expectation.
     *
     * @return the short description
     */
    public String what() {
        return what;
    }

    /**
     * Where in the input it was wrong.
     *
     * @return the offset, or empty when unknown
     */
    public OptionalLong offset() {
        return offset < 0 ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    /**
     * What the parser expected.
     *
     * @return the expectation, if stated
     */
    public Optional<String> expected() {
        return Optional.ofNullable(expected);
    }

    /**
     * What the parser found instead (at most 80 characters).
     *
     * @return what was found, if stated
     */
    public Optional<String> found() {
        return Optional.ofNullable(found);
    }

    private static String clip(String found) {
        return found == null || found.length() <= MAX_FOUND ? found : found.substring(0, MAX_FOUND - 1) + "…";
    }

    private static String message(String what, long offset, String expected, String found) {
        StringBuilder s = new StringBuilder(what);
        if (offset >= 0) {
            s.append(" at offset ").append(offset);
        }
        if (expected != null || found != null) {
            s.append(':');
            if (expected != null) {
                s.append(" expected ").append(expected);
            }
            if (found != null) {
                s.append(expected != null ? ", found " : " found ").append(found);
            }
        }
        return s.toString();
    }
}
