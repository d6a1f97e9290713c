package io.github.solarwire.examples;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * What {@code solar se2graphite} and {@code solar pickle2graphite} share: the carbon host, the
 * path base and the zone of the records' times, and the sending itself, which writes every line's
 * metrics over one TCP connection, flushed after each line, with no pause between them.
 */
final class GraphiteOptions {

    /** How long connecting to carbon may take. */
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    @Option(
            names = {"-H", "--host"},
            defaultValue = "localhost",
            paramLabel = "<host>",
            description = "The carbon server. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(
            names = {"-b", "--base"},
            defaultValue = "",
            paramLabel = "<path>",
            description = "Prefix of every metric path, e.g. solar.site; none by default.")
    String base;

    @Option(
            names = "--zone",
            paramLabel = "<zone>",
            description = "Time zone of the records' Date and Time, as semonitor ran in, e.g. UTC or "
                    + "Europe/Berlin. Default: this system's.")
    ZoneId zone;

    /**
     * Sends every line's metrics.
     *
     * @param port the carbon port
     * @param input the lines
     * @param spec the app, for usage errors
     * @param encoder one line's metrics to the bytes sent for them
     * @return the number of bad lines
     */
    int send(
            int port,
            SemonitorInput input,
            picocli.CommandLine.Model.CommandSpec spec,
            Function<List<GraphiteMetric>, byte[]> encoder) {
        ZoneId recordZone = zone == null ? ZoneId.systemDefault() : zone;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            int errors = input.forEach(spec, line -> {
                List<GraphiteMetric> metrics = GraphiteMetric.of(line, base, recordZone);
                if (metrics.isEmpty()) {
                    return;
                }
                try {
                    out.write(encoder.apply(metrics));
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException("sending to " + host + ":" + port + " failed: " + e.getMessage(), e);
                }
            });
            out.flush();
            socket.shutdownOutput();
            return errors;
        } catch (IOException e) {
            throw new UncheckedIOException("carbon at " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }
}
