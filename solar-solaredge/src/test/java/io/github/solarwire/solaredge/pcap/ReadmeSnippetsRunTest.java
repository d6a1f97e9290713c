package io.github.solarwire.solaredge.pcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's capture snippet runs. */
class ReadmeSnippetsRunTest {

    @Test
    void capturesSnippetGivesTheStreams(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.pcap");
        Files.write(
                file,
                new CaptureBuilder()
                        .up(1, "12".getBytes(StandardCharsets.US_ASCII))
                        .down(9, "ab".getBytes(StandardCharsets.US_ASCII))
                        .pcap(ByteOrder.LITTLE_ENDIAN, false));
        List<byte[]> streams = ReadmeSnippets.captures(file);
        assertEquals(2, streams.size());
        assertArrayEquals("ab".getBytes(StandardCharsets.US_ASCII), streams.get(1));
    }
}
