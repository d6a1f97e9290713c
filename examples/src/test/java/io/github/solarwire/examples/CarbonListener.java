package io.github.solarwire.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in carbon receiver on 127.0.0.1: it takes connections one after the other and keeps
 * what each one sent until its end. {@link #connections()} ends the listening by connecting itself
 * with a marker; connections queue in order, so every one the app made is read before the marker.
 */
final class CarbonListener implements AutoCloseable {

    private static final byte[] MARKER = "solarwire-test-marker".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final CompletableFuture<List<byte[]>> received;

    CarbonListener() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        received = CompletableFuture.supplyAsync(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Runs an app with {@code -H 127.0.0.1 -p <this port>} before the other arguments. */
    Run run(String app, String... args) {
        List<String> all = new ArrayList<>(List.of(app, "-H", "127.0.0.1", "-p", String.valueOf(port())));
        all.addAll(List.of(args));
        return Run.of(all.toArray(String[]::new));
    }

    /** What each connection sent, in order, once the app is done. */
    List<byte[]> connections() throws Exception {
        try (Socket marker = new Socket(InetAddress.getLoopbackAddress(), port())) {
            OutputStream out = marker.getOutputStream();
            out.write(MARKER);
            out.flush();
        }
        return received.get(30, TimeUnit.SECONDS);
    }

    private List<byte[]> accept() {
        List<byte[]> all = new ArrayList<>();
        try {
            while (true) {
                try (Socket s = server.accept();
                        InputStream in = s.getInputStream()) {
                    byte[] bytes = in.readAllBytes();
                    if (Arrays.equals(bytes, MARKER)) {
                        return all;
                    }
                    all.add(bytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
