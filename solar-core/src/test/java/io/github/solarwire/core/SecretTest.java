package io.github.solarwire.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecretTest {

    private static final String VALUE = "hunter2-Pässwörd";

    record Credentials(String user, Secret password) {}

    @Test
    void toStringNeverShowsTheValue() {
        Secret s = Secret.of(VALUE);
        assertEquals("Secret[redacted]", s.toString());
        assertEquals("Secret[redacted]", String.valueOf(s));
        String concatenated = "password=" + s;
        assertEquals("password=Secret[redacted]", concatenated);
        assertFalse(String.format("%s", s).contains("hunter2"));
    }

    @Test
    void aRecordHoldingASecretDoesNotShowIt() {
        String s = new Credentials("admin", Secret.of(VALUE)).toString();
        assertTrue(s.contains("admin"), s);
        assertTrue(s.contains("Secret[redacted]"), s);
        assertFalse(s.contains("hunter2"), s);
    }

    @Test
    void revealCharsAndUtf8GiveTheValue() {
        Secret s = Secret.of(VALUE);
        assertEquals(VALUE, s.reveal());
        assertArrayEquals(VALUE.toCharArray(), s.chars());
        assertArrayEquals(VALUE.getBytes(StandardCharsets.UTF_8), s.utf8());
        assertFalse(s.isEmpty());
        assertTrue(Secret.of("").isEmpty());
    }

    @Test
    void ofCharArrayCopiesSoTheCallerMayWipeIts() {
        char[] mine = VALUE.toCharArray();
        Secret s = Secret.of(mine);
        Arrays.fill(mine, '*');
        assertEquals(VALUE, s.reveal());
    }

    @Test
    void charsAndUtf8AreFreshCopies() {
        Secret s = Secret.of(VALUE);
        Arrays.fill(s.chars(), '*');
        Arrays.fill(s.utf8(), (byte) 0);
        assertEquals(VALUE, s.reveal());
        assertArrayEquals(VALUE.getBytes(StandardCharsets.UTF_8), s.utf8());
    }

    @Test
    void rejectsNull() {
        assertThrows(NullPointerException.class, () -> Secret.of((String) null));
        assertThrows(NullPointerException.class, () -> Secret.of((char[]) null));
    }

    @Test
    void destroyWipesTheHeldValue() throws Exception {
        Secret s = Secret.of(VALUE);
        // The held array is private; look at it directly to prove it was overwritten, not just hidden.
        Field field = Secret.class.getDeclaredField("value");
        field.setAccessible(true);
        char[] held = (char[]) field.get(s);
        assertFalse(s.isDestroyed());

        s.destroy();

        assertTrue(s.isDestroyed());
        assertEquals(VALUE.length(), held.length);
        for (char c : held) {
            assertEquals('\0', c);
        }
    }

    @Test
    void readsAfterDestroyThrow() {
        Secret s = Secret.of(VALUE);
        s.destroy();
        assertThrows(IllegalStateException.class, s::reveal);
        assertThrows(IllegalStateException.class, s::chars);
        assertThrows(IllegalStateException.class, s::utf8);
        assertEquals("Secret[redacted]", s.toString());
    }

    @Test
    void equalsComparesValues() {
        assertEquals(Secret.of(VALUE), Secret.of(VALUE.toCharArray()));
        assertNotEquals(Secret.of(VALUE), Secret.of("hunter3-Pässwörd"));
        // A prefix or an extension is not equal: the comparison does not stop at the shorter length.
        assertNotEquals(Secret.of("abc"), Secret.of("abcd"));
        assertNotEquals(Secret.of("abcd"), Secret.of("abc"));
        assertNotEquals(Secret.of(""), Secret.of("a"));
        assertEquals(Secret.of(""), Secret.of(""));
        assertNotEquals(Secret.of(VALUE), VALUE);
    }

    @Test
    void aDestroyedSecretEqualsNoOther() {
        Secret destroyed = Secret.of(VALUE);
        destroyed.destroy();
        assertNotEquals(destroyed, Secret.of(VALUE));
        assertNotEquals(Secret.of(VALUE), destroyed);
        assertEquals(destroyed, destroyed, "but it is still itself");
    }

    @Test
    void hashCodeIsTheSameForEveryValue() {
        int h = Secret.of(VALUE).hashCode();
        assertEquals(h, Secret.of("").hashCode());
        assertEquals(h, Secret.of("something else entirely").hashCode());
        Secret destroyed = Secret.of(VALUE);
        destroyed.destroy();
        assertEquals(h, destroyed.hashCode());
    }
}
