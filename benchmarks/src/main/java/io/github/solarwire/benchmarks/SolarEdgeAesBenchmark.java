package io.github.solarwire.benchmarks;

import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.solaredge.crypto.SessionCipher;
import java.security.GeneralSecurityException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.CTRModeCipher;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decryption of SolarEdge 0x003d payloads, in payloads per second; multiply by {@code size} for
 * bytes/s. {@code size} is the payload length: 177 bytes (the vector's first envelope, a 0x0500
 * with an inverter and an optimizer), 1,500 bytes (a large 0x0500) and 16 KiB (the steady state).
 *
 * <ul>
 *   <li>{@code sessionCipher}: {@link SessionCipher#decrypt(byte[])}, the library path: JDK
 *       {@code AES/CTR/NoPadding}, the frame checks and the unmasking.
 *   <li>{@code jdkCtr}: the JDK's AES-CTR alone over the same bytes.
 *   <li>{@code bouncyCastleCtr}: Bouncy Castle's {@code AESEngine} in {@code SICBlockCipher} (CTR)
 *       over the same bytes, then the same unmasking: what Bouncy Castle would cost instead.
 * </ul>
 *
 * Target from issue 5: at least 500 MB/s on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class SolarEdgeAesBenchmark {

    @Param({"177", "1500", "16384"})
    public int size;

    private SessionCipher sessionCipher;
    private byte[] payload;
    private byte[] sessionKey;
    private Cipher jdk;
    private SecretKeySpec jdkKey;
    private CTRModeCipher bc;
    private KeyParameter bcKey;
    private byte[] out;

    @Setup
    public void setUp() throws ProtocolException {
        Random random = new Random(42);
        sessionKey = new byte[16];
        random.nextBytes(sessionKey);
        sessionCipher = SessionCipher.ofSessionKey(sessionKey);
        int n = size - 22 - 22;
        byte[] frame = new byte[22 + n];
        random.nextBytes(frame);
        frame[0] = 0x12;
        frame[1] = 0x34;
        frame[2] = 0x56;
        frame[3] = 0x79;
        frame[4] = (byte) n;
        frame[5] = (byte) (n >>> 8);
        frame[6] = (byte) ~n;
        frame[7] = (byte) (~n >>> 8);
        byte[] iv = new byte[16];
        random.nextBytes(iv);
        payload = sessionCipher.encrypt(frame, 1, iv, new byte[] {1, 2, 3, 4});
        if (sessionCipher.decrypt(payload).length != frame.length) {
            throw new IllegalStateException("round trip failed");
        }
        try {
            jdk = Cipher.getInstance("AES/CTR/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        jdkKey = new SecretKeySpec(sessionKey, "AES");
        bc = SICBlockCipher.newInstance(AESEngine.newInstance());
        bcKey = new KeyParameter(sessionKey);
        out = new byte[size];
    }

    @Benchmark
    public byte[] sessionCipher() throws ProtocolException {
        return sessionCipher.decrypt(payload);
    }

    @Benchmark
    public byte[] jdkCtr() throws GeneralSecurityException {
        jdk.init(Cipher.ENCRYPT_MODE, jdkKey, new IvParameterSpec(payload, 0, 16));
        jdk.doFinal(payload, 16, payload.length - 16, out, 0);
        return out;
    }

    @Benchmark
    public byte[] bouncyCastleCtr() {
        bc.init(true, new ParametersWithIV(bcKey, payload, 0, 16));
        bc.processBytes(payload, 16, payload.length - 16, out, 0);
        byte[] frame = new byte[payload.length - 22];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (byte) (out[6 + i] ^ out[2 + (i & 3)]);
        }
        return frame;
    }
}
