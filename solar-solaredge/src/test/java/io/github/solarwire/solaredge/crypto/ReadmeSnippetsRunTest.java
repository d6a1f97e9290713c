package io.github.solarwire.solaredge.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.solarwire.testkit.TestVectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's snippets run on the vectors. */
class ReadmeSnippetsRunTest {

    private static final Path VECTORS = TestVectors.directory("solaredge");

    @Test
    void decryptSnippetGivesTheInnerFrame() throws Exception {
        List<byte[]> frames = TestFrames.split(Files.readAllBytes(VECTORS.resolve("synthetic_encrypted_7f104920.dat")));
        byte[] inner = ReadmeSnippets.decrypt(
                VECTORS.resolve("7f104920.key"), TestFrames.payload(frames.get(0)), TestFrames.payload(frames.get(2)));
        assertEquals(0x0500, TestFrames.function(inner));
    }
}
