package io.github.solarwire.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProtocolExceptionTest {

    @Test
    void fullMessageNamesWhatOffsetExpectedAndFound() {
        ProtocolException e = new ProtocolException("bad CRC", 118, "0x5A3C", "0x1F00");
        assertEquals("bad CRC at offset 118: expected 0x5A3C, found 0x1F00", e.getMessage());
    }

    @Test
    void partsLeftOutAreLeftOutOfTheMessage() {
        assertEquals(
                "response is not a PI30 frame", new ProtocolException("response is not a PI30 frame").getMessage());
        assertEquals("bad CRC at offset 0", new ProtocolException("bad CRC", 0, null, null).getMessage());
        assertEquals("bad CRC: expected 0x5A3C", new ProtocolException("bad CRC", -1, "0x5A3C", null).getMessage());
        assertEquals("bad CRC at offset 7: found x", new ProtocolException("bad CRC", 7, null, "x").getMessage());
    }

    @Test
    void accessorsReturnTheParts() {
        ProtocolException e = new ProtocolException("bad CRC", 118, "0x5A3C", "0x1F00");
        assertEquals("bad CRC", e.what());
        assertEquals(OptionalLong.of(118), e.offset());
        assertEquals(Optional.of("0x5A3C"), e.expected());
        assertEquals(Optional.of("0x1F00"), e.found());
    }

    @Test
    void accessorsAreEmptyWhenNotGiven() {
        ProtocolException e = new ProtocolException("garbage");
        assertEquals("garbage", e.what());
        assertEquals(OptionalLong.empty(), e.offset());
        assertEquals(Optional.empty(), e.expected());
        assertEquals(Optional.empty(), e.found());
        assertNull(e.getCause());
    }

    @Test
    void foundIsClippedTo80Characters() {
        String megabyte = "x".repeat(1 << 20);
        ProtocolException e = new ProtocolException("junk", 3, "a digit", megabyte);
        String found = e.found().orElseThrow();
        assertEquals(80, found.length());
        assertEquals("x".repeat(79) + "…", found);
        assertEquals("junk at offset 3: expected a digit, found " + found, e.getMessage());
    }

    @Test
    void foundOfExactly80CharactersIsKept() {
        String eighty = "y".repeat(80);
        assertEquals(Optional.of(eighty), new ProtocolException("junk", 0, null, eighty).found());
    }

    @Test
    void keepsTheCause() {
        NumberFormatException cause = new NumberFormatException("for input string: \"x\"");
        ProtocolException e = new ProtocolException("bad number", 4, "a number", "x", cause);
        assertSame(cause, e.getCause());
    }

    @Test
    void isAnIOException() {
        assertInstanceOf(IOException.class, new ProtocolException("x"));
    }
}
