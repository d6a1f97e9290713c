package io.github.solarwire.solaredge.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.testkit.TestVectors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InverterKeyTest {

    private static final Path VECTORS = TestVectors.directory("solaredge");
    private static final String KEY_HEX = "e1992523f4ddbb47d5336f6f177e3278";

    @Test
    void readsThePeersKeyFile() throws Exception {
        InverterKey key = InverterKey.read(VECTORS.resolve("7f104920.key"));
        assertArrayEquals(HexFormat.of().parseHex(KEY_HEX), key.bytes());
        assertEquals(Files.readString(VECTORS.resolve("7f104920.key")), key.toKeyFileText());
    }

    @Test
    void isTheFourParametersLittleEndian() throws Exception {
        InverterKey key = InverterKey.fromParameters(589666785L, 1203494388L, 1869558741L, 2016574999L);
        assertEquals(InverterKey.parse(KEY_HEX), key);
        assertEquals(0x232599E1L, key.parameter(0x0239));
        assertEquals(0x78327E17L, key.parameter(0x023C));
    }

    @Test
    void theCommandSessionsRepliesGiveTheKeyFile() throws Exception {
        String jsonl = Files.readString(VECTORS.resolve("synthetic_cmd_session.expected.jsonl"));
        Matcher values = Pattern.compile("\"value\": (\\d+)").matcher(jsonl);
        List<Long> found = new ArrayList<>();
        while (values.find()) {
            found.add(Long.parseLong(values.group(1)));
        }
        assertEquals(4, found.size());
        InverterKey key = InverterKey.fromParameters(found.get(0), found.get(1), found.get(2), found.get(3));
        assertEquals(InverterKey.read(VECTORS.resolve("7f104920.key")), key);
    }

    @Test
    void writesWhatItReads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("k.key");
        InverterKey.parse(" " + KEY_HEX.toUpperCase() + "\n").write(file);
        assertEquals(KEY_HEX, Files.readString(file, StandardCharsets.US_ASCII));
    }

    @Test
    void neverShowsTheKey() throws Exception {
        InverterKey key = InverterKey.parse(KEY_HEX);
        assertFalse(key.toString().contains(KEY_HEX.substring(0, 8)));
        ProtocolException e = assertThrows(ProtocolException.class, () -> InverterKey.parse(KEY_HEX + "zz"));
        assertFalse(e.getMessage().contains(KEY_HEX.substring(0, 8)));
        e = assertThrows(ProtocolException.class, () -> InverterKey.parse(KEY_HEX.substring(0, 31) + "g"));
        assertFalse(e.getMessage().contains(KEY_HEX.substring(0, 8)));
    }

    @Test
    void rejectsWrongShapes() {
        assertThrows(IllegalArgumentException.class, () -> InverterKey.of(new byte[15]));
        assertThrows(IllegalArgumentException.class, () -> InverterKey.fromParameters(0, 0, 0, 1L << 32));
        assertThrows(IllegalArgumentException.class, () -> InverterKey.fromParameters(-1, 0, 0, 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> InverterKey.of(new byte[16]).parameter(0x023D));
        assertNotEquals(InverterKey.of(new byte[16]), InverterKey.fromParameters(1, 0, 0, 0));
    }
}
