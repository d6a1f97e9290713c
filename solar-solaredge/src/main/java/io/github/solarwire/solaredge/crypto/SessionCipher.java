package io.github.solarwire.solaredge.crypto;

import io.github.solarwire.core.ProtocolException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-128 session cipher of an encrypted SolarEdge connection: decrypts the payload of a 0x003d
 * envelope into the inner frame it carries, and encrypts a frame into such a payload.
 *
 * <p>The session key S comes from the inverter key K and the 34-byte payload P of the cleartext
 * 0x0503 message the inverter sends: {@code S = AES-ECB(K, P[0..15]) XOR P[16..31]}. A later
 * 0x0503 replaces the session: make a new {@code SessionCipher} from it.
 *
 * <p>A 0x003d payload is {@code IV(16) ‖ AES-CTR(S, IV)[u16 sequence LE ‖ mask(4) ‖ frame XOR
 * mask]}: the IV is the initial 128-bit big-endian counter block, and every frame byte {@code i} is
 * XOR-ed with {@code mask[i & 3]}. The frame is a complete ordinary frame, magic {@code 12 34 56
 * 79} first; decryption checks its magic and its length fields, so that a wrong key is reported
 * as such instead of yielding garbage. The frame's CRC is left to the frame decoder that reads it.
 *
 * <p>Uses the JDK's AES ({@code AES/ECB/NoPadding}, {@code AES/CTR/NoPadding}). Thread-safe: calls
 * are serialised. {@link #toString()} never shows the key.
 */
public final class SessionCipher {

    /** The shortest 0x003d payload: IV, sequence and mask. */
    public static final int ENVELOPE_OVERHEAD = 22;

    /** The shortest 0x0503 payload that holds the key material. */
    public static final int MIN_SESSION_KEY_MESSAGE = 32;

    /** The fixed difference between an outgoing envelope's outer sequence and its inner one. */
    private static final int OUTER_SEQUENCE_OFFSET = 999;

    private static final int IV_LENGTH = 16;
    private static final int MASK_LENGTH = 4;
    private static final int FRAME_OVERHEAD = 22;
    /** The frame magic 12 34 56 79 read as a little-endian int. */
    private static final int MAGIC_LE = 0x79563412;
    /** Where the frame starts in the first decrypted block, after sequence and mask. */
    private static final int HEAD_FRAME_START = 2 + 4;
    /** How many frame bytes the first decrypted block holds. */
    private static final int HEAD_FRAME_BYTES = 16 - HEAD_FRAME_START;

    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final SecretKeySpec sessionKey;
    private final Cipher ctr;
    private final SecureRandom random;
    private int sequence;

    private SessionCipher(byte[] sessionKey, SecureRandom random) {
        this.sessionKey = new SecretKeySpec(sessionKey, "AES");
        this.ctr = aes("AES/CTR/NoPadding");
        this.random = random;
        this.sequence = random.nextInt(0x10000);
    }

    /**
     * The session of a 0x0503 message.
     *
     * @param key the inverter's key
     * @param sessionKeyMessage the payload of the 0x0503 message (34 bytes; only the first 32 are
     *     used)
     * @return the session cipher
     * @throws ProtocolException if the payload is shorter than 32 bytes
     */
    public static SessionCipher fromSessionKeyMessage(InverterKey key, byte[] sessionKeyMessage)
            throws ProtocolException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sessionKeyMessage, "sessionKeyMessage");
        if (sessionKeyMessage.length < MIN_SESSION_KEY_MESSAGE) {
            throw new ProtocolException(
                    "0x0503 payload too short for a session key",
                    sessionKeyMessage.length,
                    "34 bytes",
                    sessionKeyMessage.length + " bytes");
        }
        byte[] k = key.bytes();
        byte[] s;
        try {
            Cipher ecb = aes("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k, "AES"));
            s = ecb.doFinal(sessionKeyMessage, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's AES failed", e);
        } finally {
            Arrays.fill(k, (byte) 0);
        }
        for (int i = 0; i < 16; i++) {
            s[i] ^= sessionKeyMessage[16 + i];
        }
        return new SessionCipher(s, new SecureRandom());
    }

    /**
     * A session from a known session key, for tests and tools that have it.
     *
     * @param sessionKey the 16-byte session key; copied
     * @return the session cipher
     * @throws IllegalArgumentException if the key is not 16 bytes long
     */
    public static SessionCipher ofSessionKey(byte[] sessionKey) {
        Objects.requireNonNull(sessionKey, "sessionKey");
        if (sessionKey.length != 16) {
            throw new IllegalArgumentException("a session key has 16 bytes, not " + sessionKey.length);
        }
        return new SessionCipher(sessionKey.clone(), new SecureRandom());
    }

    /**
     * Decrypts the payload of a 0x003d envelope.
     *
     * @param payload the envelope's payload (the outer frame's bytes 20 to 20 + length)
     * @return the inner frame, from its magic through its CRC, without the padding after it
     * @throws ProtocolException if the payload is shorter than 22 bytes, or does not decrypt to a
     *     frame (a wrong inverter key, a stale session or a corrupted payload)
     */
    public synchronized byte[] decrypt(byte[] payload) throws ProtocolException {
        Objects.requireNonNull(payload, "payload");
        int length = payload.length;
        if (length < ENVELOPE_OVERHEAD) {
            throw new ProtocolException("0x003d payload too short", length, "at least 22 bytes", length + " bytes");
        }
        if (length < ENVELOPE_OVERHEAD + FRAME_OVERHEAD) {
            throw new ProtocolException(
                    "0x003d payload too short to hold a frame", length, "at least 44 bytes", length + " bytes");
        }
        // The first block holds the sequence, the mask and the frame's first 10 bytes; the rest
        // is decrypted straight into the frame, so that no byte is copied twice.
        byte[] head = new byte[IV_LENGTH];
        byte[] frame;
        try {
            ctr.init(Cipher.ENCRYPT_MODE, sessionKey, new IvParameterSpec(payload, 0, IV_LENGTH));
            ctr.update(payload, IV_LENGTH, IV_LENGTH, head, 0);
            int mask = (int) INT_LE.get(head, 2);
            int first = (int) INT_LE.get(head, 6) ^ mask;
            int lengths = (int) INT_LE.get(head, 10) ^ mask;
            int dataLength = lengths & 0xFFFF;
            if (first != MAGIC_LE || dataLength != (~lengths >>> 16)) {
                throw wrongKey(length);
            }
            int frameLength = FRAME_OVERHEAD + dataLength;
            if (frameLength > length - ENVELOPE_OVERHEAD) {
                throw new ProtocolException(
                        "0x003d inner frame longer than its envelope",
                        ENVELOPE_OVERHEAD + 4,
                        "at most " + (length - ENVELOPE_OVERHEAD) + " bytes",
                        frameLength + " bytes");
            }
            frame = new byte[frameLength];
            System.arraycopy(head, HEAD_FRAME_START, frame, 0, HEAD_FRAME_BYTES);
            ctr.doFinal(payload, 2 * IV_LENGTH, frameLength - HEAD_FRAME_BYTES, frame, HEAD_FRAME_BYTES);
            unmask(frame, mask);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's AES failed", e);
        }
        return frame;
    }

    /**
     * The inner sequence number of a 0x003d payload, which decryption otherwise drops.
     *
     * @param payload the envelope's payload
     * @return the u16 inner sequence number
     * @throws ProtocolException if the payload is shorter than 22 bytes
     */
    public synchronized int innerSequence(byte[] payload) throws ProtocolException {
        Objects.requireNonNull(payload, "payload");
        if (payload.length < ENVELOPE_OVERHEAD) {
            throw new ProtocolException(
                    "0x003d payload too short", payload.length, "at least 22 bytes", payload.length + " bytes");
        }
        try {
            ctr.init(Cipher.ENCRYPT_MODE, sessionKey, new IvParameterSpec(payload, 0, IV_LENGTH));
            byte[] head = ctr.doFinal(payload, IV_LENGTH, 2);
            return (head[0] & 0xFF) | (head[1] & 0xFF) << 8;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's AES failed", e);
        }
    }

    /**
     * Encrypts a frame as the server does (§4.4 of the spec): the next inner sequence number of this
     * session, a random IV and a random mask.
     *
     * @param frame the complete inner frame, magic first
     * @return the envelope's payload and the sequence numbers to use
     */
    public synchronized Envelope encrypt(byte[] frame) {
        sequence = (sequence + 1) & 0xFFFF;
        byte[] iv = new byte[IV_LENGTH];
        byte[] mask = new byte[MASK_LENGTH];
        random.nextBytes(iv);
        random.nextBytes(mask);
        return new Envelope(sequence, encrypt(frame, sequence, iv, mask));
    }

    /**
     * Encrypts a frame with a given inner sequence number, IV and mask.
     *
     * @param frame the complete inner frame, magic first
     * @param innerSequence the u16 inner sequence number
     * @param iv the 16-byte IV (initial counter block)
     * @param mask the 4-byte mask
     * @return the 0x003d payload: {@code 22 + frame.length} bytes
     */
    public synchronized byte[] encrypt(byte[] frame, int innerSequence, byte[] iv, byte[] mask) {
        Objects.requireNonNull(frame, "frame");
        if (iv.length != IV_LENGTH || mask.length != MASK_LENGTH) {
            throw new IllegalArgumentException("the IV has 16 bytes and the mask 4");
        }
        if (innerSequence < 0 || innerSequence > 0xFFFF) {
            throw new IllegalArgumentException("the inner sequence is a u16");
        }
        byte[] out = new byte[ENVELOPE_OVERHEAD + frame.length];
        System.arraycopy(iv, 0, out, 0, IV_LENGTH);
        byte[] plain = new byte[out.length - IV_LENGTH];
        plain[0] = (byte) innerSequence;
        plain[1] = (byte) (innerSequence >>> 8);
        System.arraycopy(mask, 0, plain, 2, MASK_LENGTH);
        for (int i = 0; i < frame.length; i++) {
            plain[2 + MASK_LENGTH + i] = (byte) (frame[i] ^ mask[i & 3]);
        }
        try {
            ctr.init(Cipher.ENCRYPT_MODE, sessionKey, new IvParameterSpec(iv));
            ctr.doFinal(plain, 0, plain.length, out, IV_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's AES failed", e);
        }
        return out;
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "SessionCipher[redacted]";
    }

    /**
     * One encrypted outgoing message.
     *
     * @param innerSequence the inner sequence number inside the envelope
     * @param payload the 0x003d payload
     */
    public record Envelope(int innerSequence, byte[] payload) {

        /**
         * Copies the payload.
         *
         * @param innerSequence the inner sequence number
         * @param payload the 0x003d payload; copied
         */
        public Envelope {
            payload = payload.clone();
        }

        /**
         * The 0x003d payload.
         *
         * @return a fresh copy
         */
        @Override
        public byte[] payload() {
            return payload.clone();
        }

        /**
         * The sequence number of the outer 0x003d frame, which the server sets to the inner one
         * plus 999.
         *
         * @return the u16 outer sequence number
         */
        public int outerSequence() {
            return (innerSequence + OUTER_SEQUENCE_OFFSET) & 0xFFFF;
        }

        /** Equal when the sequence and the payload are. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Envelope that
                    && innerSequence == that.innerSequence
                    && Arrays.equals(payload, that.payload);
        }

        @Override
        public int hashCode() {
            return innerSequence * 31 + Arrays.hashCode(payload);
        }

        /** Shows the sequence numbers and the payload's length only. */
        @Override
        public String toString() {
            return "Envelope[innerSequence=" + innerSequence + ", " + payload.length + " bytes]";
        }
    }

    /** XORs frame byte i with mask byte i &amp; 3, eight bytes at a time. */
    private static void unmask(byte[] frame, int mask) {
        long wide = (mask & 0xFFFF_FFFFL) | (long) mask << 32;
        int i = 0;
        for (; i + 8 <= frame.length; i += 8) {
            LONG_LE.set(frame, i, (long) LONG_LE.get(frame, i) ^ wide);
        }
        for (; i < frame.length; i++) {
            frame[i] ^= (byte) (mask >>> (8 * (i & 3)));
        }
    }

    private static ProtocolException wrongKey(int length) {
        return new ProtocolException(
                "0x003d payload does not decrypt to a frame: wrong inverter key or stale session (0x0503)",
                ENVELOPE_OVERHEAD,
                "the magic 12 34 56 79 and matching length fields",
                "other bytes in a " + length + "-byte payload");
    }

    private static Cipher aes(String transformation) {
        try {
            return Cipher.getInstance(transformation);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no " + transformation, e);
        }
    }
}
