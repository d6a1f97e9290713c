package io.github.solarwire.pvs.ess;

import com.digitalpetri.modbus.client.ModbusTcpClient;
import com.digitalpetri.modbus.exceptions.ModbusException;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.exceptions.ModbusTimeoutException;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.tcp.client.NettyTcpClientTransport;
import java.io.Closeable;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a SunVault ESS gateway over Modbus TCP (digitalpetri modbus): the SunSpec map on port 502
 * and, when enabled, Schneider's map on port 503, for each configured unit.
 *
 * <p>A unit that does not answer within the timeout, or answers with a Modbus exception, is
 * reported in {@link SunVaultPoll#failures()} and the other units are still read. A connection
 * that fails (refused, closed by the gateway) is dropped: the units still to be read through it in
 * that poll fail at once, and the next {@link #poll()} connects again.
 *
 * <p>One poll at a time: {@link #poll()} and {@link #close()} are synchronized. The Modbus library's
 * shared daemon event loop carries the I/O.
 */
public final class SunVaultClient implements Closeable {

    private final String host;
    private final Map<SunVaultRegister.Layout, Connection> connections = new EnumMap<>(SunVaultRegister.Layout.class);
    private final List<SunVaultUnit> units;
    private final Duration timeout;
    private final Clock clock;
    private boolean closed;

    private SunVaultClient(Builder b) {
        this.host = b.host;
        this.units = List.copyOf(b.units);
        this.timeout = b.timeout;
        this.clock = b.clock;
        connections.put(SunVaultRegister.Layout.SUNSPEC, new Connection(b.sunSpecPort));
        if (b.schneiderPort > 0) {
            connections.put(SunVaultRegister.Layout.SCHNEIDER, new Connection(b.schneiderPort));
        }
    }

    /**
     * Starts a builder.
     *
     * @param host the gateway's address, usually {@code 172.27.153.171} or a proxy in front of it
     * @return a new builder
     */
    public static Builder builder(String host) {
        return new Builder(host);
    }

    /**
     * The units this client reads.
     *
     * @return the units, in poll order
     */
    public List<SunVaultUnit> units() {
        return units;
    }

    /**
     * Reads every configured unit once.
     *
     * @return what each unit answered and why the others did not
     * @throws IOException only when the client is closed; device failures are in the result
     */
    public synchronized SunVaultPoll poll() throws IOException {
        if (closed) {
            throw new IOException("SunVault client for " + host + " is closed");
        }
        Instant time = clock.instant();
        connections.values().forEach(c -> c.failure = null);
        Map<SunVaultUnit, SunVaultUnitData> data = new LinkedHashMap<>();
        Map<SunVaultUnit, IOException> failures = new LinkedHashMap<>();
        for (SunVaultUnit unit : units) {
            try {
                List<RegisterBlock> blocks = new ArrayList<>();
                for (RegisterRange range : RegisterRange.of(unit.kind())) {
                    Connection c = connections.get(range.layout());
                    if (c != null) {
                        blocks.add(c.read(unit, range));
                    }
                }
                data.put(unit, SunVaultDecoder.decode(unit, blocks));
            } catch (IOException e) {
                failures.put(unit, e);
            }
        }
        return new SunVaultPoll(time, data, failures);
    }

    /** Disconnects; a later {@link #poll()} fails. */
    @Override
    public synchronized void close() {
        closed = true;
        connections.values().forEach(Connection::drop);
    }

    /** One TCP connection to one of the gateway's ports, made when first needed. */
    private final class Connection {
        private final int port;
        private ModbusTcpClient client;
        private IOException failure;

        Connection(int port) {
            this.port = port;
        }

        RegisterBlock read(SunVaultUnit unit, RegisterRange range) throws IOException {
            ModbusTcpClient c = connected();
            try {
                byte[] registers = c.readHoldingRegisters(
                                unit.id(), new ReadHoldingRegistersRequest(range.start(), range.count()))
                        .registers();
                return new RegisterBlock(range.layout(), range.start(), registers);
            } catch (ModbusTimeoutException e) {
                if (!c.isConnected()) {
                    throw lost("connection to " + where() + " closed while reading unit " + unit.id(), e);
                }
                SocketTimeoutException t =
                        new SocketTimeoutException("unit " + unit.id() + " at " + where() + " did not answer within "
                                + timeout.toMillis() + " ms (registers " + range.start() + "+" + range.count() + ")");
                t.initCause(e);
                throw t;
            } catch (ModbusResponseException e) {
                throw new IOException(
                        "unit " + unit.id() + " at " + where() + " answered Modbus exception " + e.getExceptionCode()
                                + " for registers " + range.start() + "+" + range.count(),
                        e);
            } catch (ModbusException e) {
                throw lost("reading unit " + unit.id() + " from " + where() + " failed", e);
            }
        }

        private ModbusTcpClient connected() throws IOException {
            if (failure != null) {
                throw new IOException("connection to " + where() + " failed earlier in this poll", failure);
            }
            if (client != null && !client.isConnected()) {
                drop(); // closed by the gateway since the last request: start afresh rather than send into it
            }
            if (client == null) {
                ModbusTcpClient c = ModbusTcpClient.create(
                        NettyTcpClientTransport.create(t -> t.setHostname(host)
                                .setPort(port)
                                .setConnectTimeout(timeout)
                                .setConnectPersistent(false)),
                        cfg -> cfg.setRequestTimeout(timeout));
                try {
                    c.connect();
                } catch (ModbusException e) {
                    throw lost("cannot connect to " + where(), e);
                }
                client = c;
            }
            return client;
        }

        private IOException lost(String message, Exception cause) {
            drop();
            failure = new IOException(message, cause);
            return failure;
        }

        void drop() {
            ModbusTcpClient c = client;
            client = null;
            if (c != null) {
                try {
                    c.disconnect();
                } catch (ModbusException e) {
                    // the connection is gone either way; the next poll makes a new one
                }
            }
        }

        private String where() {
            return host + ":" + port;
        }
    }

    /** Configures a {@link SunVaultClient}. */
    public static final class Builder {
        private final String host;
        private int sunSpecPort = SunVaultRegister.Layout.SUNSPEC.defaultPort();
        private int schneiderPort;
        private Duration timeout = Duration.ofSeconds(5);
        private List<SunVaultUnit> units = SunVaultUnit.DEFAULTS;
        private Clock clock = Clock.systemUTC();

        private Builder(String host) {
            this.host = Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("no SunVault gateway host given");
            }
        }

        /**
         * The TCP port of the SunSpec map; default 502.
         *
         * @param port 1 to 65535
         * @return this builder
         */
        public Builder sunSpecPort(int port) {
            this.sunSpecPort = checkPort(port);
            return this;
        }

        /**
         * Also reads Schneider's map (grid, load and battery bank values of the XW inverters) from
         * this port, usually 503; off by default. With it on, an inverter whose port-503 registers
         * fail is reported as failed.
         *
         * @param port 1 to 65535
         * @return this builder
         */
        public Builder schneiderPort(int port) {
            this.schneiderPort = checkPort(port);
            return this;
        }

        /**
         * The connect timeout and the time a unit has to answer one request; default 5 s.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * The units to read; default {@link SunVaultUnit#DEFAULTS}.
         *
         * @param units the units, in poll order
         * @return this builder
         */
        public Builder units(List<SunVaultUnit> units) {
            if (units.isEmpty()) {
                throw new IllegalArgumentException("no SunVault units to read");
            }
            this.units = List.copyOf(units);
            return this;
        }

        /**
         * The clock that stamps each poll; default UTC system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the client; it connects on the first poll.
         *
         * @return the client
         */
        public SunVaultClient build() {
            return new SunVaultClient(this);
        }

        private static int checkPort(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("TCP port " + port + " is not 1 to 65535");
            }
            return port;
        }
    }
}
