package io.github.solarwire.pvs.ess;

import com.digitalpetri.modbus.ExceptionCode;
import com.digitalpetri.modbus.FunctionCode;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.exceptions.UnknownUnitIdException;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersResponse;
import com.digitalpetri.modbus.server.ModbusRequestContext;
import com.digitalpetri.modbus.server.ModbusServices;
import com.digitalpetri.modbus.server.ModbusTcpServer;
import com.digitalpetri.modbus.tcp.server.NettyTcpServerTransport;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A simulated SunVault ESS gateway: a Modbus TCP server on 127.0.0.1 for each register map (the
 * SunSpec map of port 502 and Schneider's of port 503, each on a free port), answering for the
 * gateway, two Conext XW inverters and two BMS units from {@link SunVaultRegister}'s table.
 *
 * <p>The battery is 13 kWh; {@link #advance(Duration)} moves the state of charge with the battery
 * power (positive discharging), which the two BMS units and the two inverters share evenly. Load
 * is battery power plus grid import. Faults: a unit that does not answer ({@link #silence(int)}),
 * connections closed by the server ({@link #dropConnections()}), the server going away and coming
 * back on the same ports ({@link #stop()}, {@link #start()}), and any register's raw value
 * ({@link #setRaw(int, SunVaultRegister, long)}, e.g. a "not implemented" sentinel). A register
 * outside the table is answered with Modbus exception 2 (illegal data address), as a device does.
 *
 * <p>Thread-safe. Typical test use: {@code try (var sim = SimulatedSunVault.start()) { …
 * sim.sunSpecPort() … }}.
 */
public final class SimulatedSunVault implements Closeable {

    private static final double CAPACITY_WH = 13_000;

    private final Map<Integer, SunVaultUnit> units = new LinkedHashMap<>();
    private final Set<Integer> silent = new HashSet<>();
    private final Map<Integer, Map<SunVaultRegister, Long>> raw = new HashMap<>();
    private final Map<SunVaultRegister.Layout, Server> servers = new EnumMap<>(SunVaultRegister.Layout.class);
    private double soc = 80;
    private double batteryPower = 1200;
    private double gridPower = 300;

    private SimulatedSunVault() {
        for (SunVaultUnit u : SunVaultUnit.DEFAULTS) {
            units.put(u.id(), u);
        }
        for (SunVaultRegister.Layout layout : SunVaultRegister.Layout.values()) {
            servers.put(layout, new Server(layout));
        }
    }

    /**
     * Starts a simulator on free loopback ports.
     *
     * @return the running simulator
     * @throws IOException when a server cannot bind
     */
    public static SimulatedSunVault start() throws IOException {
        SimulatedSunVault sim = new SimulatedSunVault();
        try {
            sim.restart();
        } catch (IOException e) {
            sim.close();
            throw e;
        }
        return sim;
    }

    /**
     * The port of the SunSpec map (502 on a real gateway).
     *
     * @return the port
     */
    public int sunSpecPort() {
        return servers.get(SunVaultRegister.Layout.SUNSPEC).port;
    }

    /**
     * The port of Schneider's map (503 on a real gateway).
     *
     * @return the port
     */
    public int schneiderPort() {
        return servers.get(SunVaultRegister.Layout.SCHNEIDER).port;
    }

    /**
     * The units it answers for.
     *
     * @return gateway 1, inverters 10 and 11, BMS 230 and 231
     */
    public List<SunVaultUnit> units() {
        return List.copyOf(units.values());
    }

    /**
     * The state of charge now.
     *
     * @return percent, 0 to 100
     */
    public synchronized double soc() {
        return soc;
    }

    /**
     * Sets the battery power.
     *
     * @param watts positive while discharging, negative while charging
     */
    public synchronized void setBatteryPower(double watts) {
        this.batteryPower = watts;
    }

    /**
     * Sets the grid power.
     *
     * @param watts positive while importing
     */
    public synchronized void setGridPower(double watts) {
        this.gridPower = watts;
    }

    /**
     * Lets time pass: the state of charge follows the battery power, within 0 to 100 %.
     *
     * @param elapsed how much time
     */
    public synchronized void advance(Duration elapsed) {
        double hours = elapsed.toMillis() / 3_600_000.0;
        soc = Math.max(0, Math.min(100, soc - batteryPower * hours / CAPACITY_WH * 100));
    }

    /**
     * Makes a unit stop answering: its requests get no response at all, as behind a gateway whose
     * link to that unit is down.
     *
     * @param unitId the unit
     */
    public synchronized void silence(int unitId) {
        silent.add(unitId);
    }

    /**
     * Makes a silenced unit answer again.
     *
     * @param unitId the unit
     */
    public synchronized void answer(int unitId) {
        silent.remove(unitId);
    }

    /**
     * Serves a fixed raw value for one register of one unit, in place of the simulated one.
     *
     * @param unitId the unit
     * @param register the register (not a string)
     * @param value the raw integer, e.g. 0x8000 for "not implemented" in an int16
     */
    public synchronized void setRaw(int unitId, SunVaultRegister register, long value) {
        if (register.type() == SunVaultRegister.Type.STRING) {
            throw new IllegalArgumentException(register + " is a string");
        }
        raw.computeIfAbsent(unitId, k -> new EnumMap<>(SunVaultRegister.class)).put(register, value);
    }

    /** Closes every client connection; the servers keep listening. */
    public void dropConnections() {
        servers.values().forEach(Server::dropConnections);
    }

    /**
     * Stops listening and closes every connection, keeping the ports for {@link #start()}.
     *
     * @throws IOException when a server does not stop
     */
    public synchronized void stop() throws IOException {
        for (Server s : servers.values()) {
            s.stop();
        }
    }

    /**
     * Listens again on the same ports after {@link #stop()}.
     *
     * @throws IOException when a port cannot be bound again
     */
    public synchronized void restart() throws IOException {
        for (Server s : servers.values()) {
            s.start();
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    /** The register image of one unit in one map: address → 16-bit word. */
    synchronized Map<Integer, Integer> image(SunVaultUnit unit, SunVaultRegister.Layout layout) {
        Map<Integer, Integer> image = new HashMap<>();
        Map<SunVaultRegister, Long> fixed = raw.getOrDefault(unit.id(), Map.of());
        for (SunVaultRegister r : SunVaultRegister.of(unit.kind())) {
            if (r.layout() != layout) {
                continue;
            }
            if (r.type() == SunVaultRegister.Type.STRING) {
                byte[] text = text(unit, r).getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < r.count(); i++) {
                    int hi = 2 * i < text.length ? text[2 * i] : 0;
                    int lo = 2 * i + 1 < text.length ? text[2 * i + 1] : 0;
                    image.put(r.address() + i, (hi << 8) | lo);
                }
                continue;
            }
            long value = fixed.containsKey(r) ? fixed.get(r) : Math.round((value(unit, r) - r.offset()) / r.scale());
            if (r.count() == 2) {
                image.put(r.address(), (int) (value >>> 16) & 0xFFFF);
                image.put(r.address() + 1, (int) value & 0xFFFF);
            } else {
                image.put(r.address(), (int) value & 0xFFFF);
            }
        }
        return image;
    }

    private static String text(SunVaultUnit unit, SunVaultRegister r) {
        return switch (r) {
            case MANUFACTURER -> "Schneider Electric";
            case MODEL ->
                switch (unit.kind()) {
                    case GATEWAY -> "Conext Gateway";
                    case INVERTER -> "Conext XW Pro 6848 NA";
                    case BMS -> "SunVault BMS";
                };
            case VERSION -> "V1.12 BN 5";
            case SERIAL -> "SIM" + String.format("%05d", unit.id());
            default -> throw new IllegalArgumentException(r + " is not text");
        };
    }

    /** The simulated value of a numeric register, in its unit. */
    private double value(SunVaultUnit unit, SunVaultRegister r) {
        double batteryVoltage = 51.2 + soc / 100 * 3;
        return switch (r.key()) {
            case "max_charge_setpoint" -> 5000;
            case "battery_soc" -> Math.round(soc);
            case "battery_power" -> unit.kind() == SunVaultUnit.Kind.BMS ? batteryPower / 2 : batteryPower;
            case "battery_voltage" -> batteryVoltage;
            case "battery_current" -> batteryPower / 2 / batteryVoltage;
            case "battery_temperature" -> 24.5;
            case "grid_power", "ac1_power" -> gridPower / 2;
            case "load_power" -> Math.max(0, gridPower + batteryPower) / 2;
            default -> throw new IllegalArgumentException(r + " is not simulated");
        };
    }

    private ReadHoldingRegistersResponse read(
            SunVaultRegister.Layout layout, int unitId, ReadHoldingRegistersRequest request)
            throws ModbusResponseException, UnknownUnitIdException {
        SunVaultUnit unit;
        synchronized (this) {
            unit = units.get(unitId);
            if (unit == null || silent.contains(unitId)) {
                throw new UnknownUnitIdException(unitId); // the library's server then sends nothing
            }
        }
        Map<Integer, Integer> image = image(unit, layout);
        byte[] out = new byte[request.quantity() * 2];
        for (int i = 0; i < request.quantity(); i++) {
            Integer word = image.get(request.address() + i);
            if (word == null) {
                throw new ModbusResponseException(
                        FunctionCode.READ_HOLDING_REGISTERS, ExceptionCode.ILLEGAL_DATA_ADDRESS);
            }
            out[2 * i] = (byte) (word >> 8);
            out[2 * i + 1] = word.byteValue();
        }
        return new ReadHoldingRegistersResponse(out);
    }

    /** One listening Modbus TCP server for one register map. */
    private final class Server {
        private final SunVaultRegister.Layout layout;
        private final Set<Channel> clients = new CopyOnWriteArraySet<>();
        private ModbusTcpServer server;
        private int port;

        Server(SunVaultRegister.Layout layout) {
            this.layout = layout;
        }

        void start() throws IOException {
            if (server != null) {
                return;
            }
            AtomicReference<Channel> listening = new AtomicReference<>();
            NettyTcpServerTransport transport = NettyTcpServerTransport.create(t -> t.setBindAddress("127.0.0.1")
                    .setPort(port)
                    .setBootstrapCustomizer(b -> b.handler(new ChannelInboundHandlerAdapter() {
                        @Override
                        public void handlerAdded(ChannelHandlerContext ctx) {
                            listening.set(ctx.channel());
                        }
                    }))
                    .setPipelineCustomizer(p -> {
                        Channel c = p.channel();
                        clients.add(c);
                        c.closeFuture().addListener(f -> clients.remove(c));
                    }));
            ModbusTcpServer s = ModbusTcpServer.create(transport, new ModbusServices() {
                @Override
                public ReadHoldingRegistersResponse readHoldingRegisters(
                        ModbusRequestContext context, int unitId, ReadHoldingRegistersRequest request)
                        throws ModbusResponseException, UnknownUnitIdException {
                    return read(layout, unitId, request);
                }
            });
            try {
                s.start();
            } catch (ExecutionException e) {
                throw new IOException("cannot listen on 127.0.0.1:" + port + " for the " + layout + " map", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting the " + layout + " map", e);
            }
            server = s;
            port = ((InetSocketAddress) listening.get().localAddress()).getPort();
        }

        void stop() throws IOException {
            ModbusTcpServer s = server;
            server = null;
            if (s == null) {
                return;
            }
            try {
                s.stop();
            } catch (ExecutionException e) {
                throw new IOException("cannot stop the " + layout + " map", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while stopping the " + layout + " map", e);
            }
            dropConnections();
        }

        void dropConnections() {
            clients.forEach(Channel::close);
        }
    }
}
