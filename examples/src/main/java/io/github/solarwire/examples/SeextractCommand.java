package io.github.solarwire.examples;

import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.solaredge.pcap.PcapReader;
import io.github.solarwire.solaredge.pcap.SolarEdgeTraffic;
import io.github.solarwire.solaredge.pcap.TcpSegment;
import io.github.solarwire.solaredge.pcap.TcpStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code solar seextract}: the SolarEdge message streams of a packet capture, written as the raw
 * byte stream ({@code .dat}) that {@code solar semonitor} reads. The peer's seextract (spec §9)
 * cut fixed 54-byte headers off every packet and glued the payloads together; this one parses the
 * Ethernet (VLAN tags too), IPv4 and TCP headers and reassembles each TCP stream, so
 * retransmitted, out-of-order and option-carrying segments no longer corrupt the output.
 *
 * <p>Each selected stream (one connection, one direction) is written whole, in the order the
 * streams first appear in the capture. Exit codes: 0 written; 1 an input is not a capture; 2 bad
 * usage.
 */
@Command(
        name = "seextract",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Extracts the SolarEdge message streams from pcap/pcapng captures as a raw .dat stream:",
            "  solar seextract capture.pcap -o capture.dat && solar semonitor capture.dat"
        })
final class SeextractCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "CAPTURE",
            description = "A pcap or pcapng file, or a directory of them (read in name order).")
    private Path input;

    @Option(names = "-o", paramLabel = "FILE", description = "Write the stream here instead of standard output.")
    private Path output;

    @Option(names = "-a", description = "Append to the -o file instead of replacing it.")
    private boolean append;

    @Option(
            names = "-s",
            paramLabel = "HOST",
            description = "Keep only what is sent to this server (name or IPv4 address) on the -p port: the"
                    + " inverter -> server direction, as the peer's -s kept. Default: both directions of the port.")
    private String server;

    @Option(
            names = "-p",
            paramLabel = "PORT",
            defaultValue = "22222",
            description = "The server's TCP port. Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(
            names = "-f",
            description = "Follow the capture file as it grows (tcpdump -w): write each complete frame as it arrives.")
    private boolean follow;

    @Option(names = "-v", description = "Log each stream written on standard error.")
    private boolean verbose;

    @Option(
            names = "--follow-poll",
            defaultValue = "1s",
            converter = DurationConverter.class,
            paramLabel = "<duration>",
            hidden = true,
            description = "How often a followed capture is read again.")
    private Duration followPoll;

    SeextractCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 0xFFFF) {
            throw DecodeFiles.usage(spec, "-p", Integer.toString(port), "not a TCP port (0..65535)");
        }
        Predicate<TcpSegment> filter = filter();
        if (follow && !Files.isRegularFile(input)) {
            throw DecodeFiles.usage(spec, "-f", input.toString(), "follow needs a capture file");
        }
        List<Path> captures = captures();
        OutputStream sink = OutputFile.open(output, append, out);
        if (follow) {
            return follow(filter, sink);
        }
        int failed = 0;
        OutputStream dat = new BufferedOutputStream(sink, 1 << 16);
        try {
            for (Path capture : captures) {
                List<TcpStream> streams;
                try {
                    streams = PcapReader.streams(Files.readAllBytes(capture), filter);
                } catch (ProtocolException e) {
                    err.println("seextract: " + capture + ": " + e.getMessage());
                    failed++;
                    continue;
                }
                for (TcpStream s : streams) {
                    dat.write(s.bytes());
                    if (s.missingBytes() > 0) {
                        err.println("seextract: " + capture + ": " + s.source() + " -> " + s.destination() + ": "
                                + s.missingBytes() + " bytes were not captured");
                    }
                    if (verbose) {
                        err.println("seextract: " + capture + ": " + s.source() + " -> " + s.destination() + ", "
                                + s.bytes().length + " bytes");
                    }
                }
            }
        } finally {
            if (output == null) {
                dat.flush(); // standard output stays open
            } else {
                dat.close();
            }
        }
        return failed == 0 ? 0 : 1;
    }

    /** Reads the capture again every poll and writes what is new; runs until interrupted. */
    private int follow(Predicate<TcpSegment> filter, OutputStream sink) throws IOException, InterruptedException {
        CaptureFollower follower = new CaptureFollower(filter);
        CountDownLatch never = new CountDownLatch(1);
        try {
            while (true) {
                try {
                    sink.write(follower.next(Files.readAllBytes(input)));
                } catch (ProtocolException e) {
                    err.println("seextract: " + input + ": " + e.getMessage());
                    return 1;
                }
                sink.flush();
                never.await(followPoll.toNanos(), TimeUnit.NANOSECONDS);
            }
        } finally {
            if (output != null) {
                sink.close();
            }
        }
    }

    private Predicate<TcpSegment> filter() {
        if (server == null) {
            return SolarEdgeTraffic.onPort(port);
        }
        try {
            InetAddress address = InetAddress.getByName(server);
            if (!(address instanceof Inet4Address v4)) {
                throw DecodeFiles.usage(spec, "-s", server, "not an IPv4 address");
            }
            return s -> s.destination().port() == port
                    && s.destination().inetAddress().equals(v4);
        } catch (UnknownHostException e) {
            throw DecodeFiles.usage(spec, "-s", server, "unknown host");
        }
    }

    private List<Path> captures() throws IOException {
        if (Files.isRegularFile(input)) {
            return List.of(input);
        }
        if (!Files.isDirectory(input)) {
            throw DecodeFiles.usage(spec, "CAPTURE", input.toString(), "no such file or directory");
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(input)) {
            list.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return name.endsWith(".pcap") || name.endsWith(".pcapng") || name.endsWith(".cap");
                    })
                    .sorted()
                    .forEach(files::add);
        }
        if (files.isEmpty()) {
            throw DecodeFiles.usage(spec, "CAPTURE", input.toString(), "no .pcap, .pcapng or .cap files in it");
        }
        return files;
    }
}
