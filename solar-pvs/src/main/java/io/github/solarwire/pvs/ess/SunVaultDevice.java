package io.github.solarwire.pvs.ess;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.PolledDevice;
import io.github.solarwire.core.Reading;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A SunVault ESS as a polled solarwire device: every poll reads the gateway, the Conext XW
 * inverters and the BMS units through a {@link SunVaultClient} and gives one reading per unit that
 * answered. The gateway is device {@code <id>-gateway}; the other units are {@code
 * <id>-inverter10}, {@code <id>-bms230}, … with the gateway as parent, vendor, model, serial and
 * firmware as read from their common model.
 *
 * <p>A poll fails only when no unit answered; the units that did not answer are in {@link
 * #lastPoll()}. The default interval is 10 s. {@link #open()}, {@link #poll()} and {@link #close()}
 * are synchronized: one poll at a time.
 */
public final class SunVaultDevice implements PolledDevice {

    private final String id;
    private final SunVaultClient.Builder config;
    private SunVaultClient client;
    private DeviceInfo info;
    private volatile SunVaultPoll lastPoll;

    private SunVaultDevice(String id, SunVaultClient.Builder config) {
        this.id = id;
        this.config = config;
        this.info = DeviceInfo.builder(unitId(SunVaultUnit.GATEWAY), SunVaultUnit.Kind.GATEWAY.deviceKind())
                .vendor("Schneider Electric")
                .protocol("modbus-tcp")
                .build();
    }

    /**
     * A device reading the gateway at {@code host} with the client defaults (port 502, all units).
     *
     * @param id the stable id prefix of its devices, e.g. {@code sunvault}
     * @param host the gateway's address
     * @return the device, not yet open
     */
    public static SunVaultDevice of(String id, String host) {
        return of(id, host, UnaryOperator.identity());
    }

    /**
     * A device with a configured client (ports, units, timeout, clock).
     *
     * @param id the stable id prefix of its devices, e.g. {@code sunvault}
     * @param host the gateway's address
     * @param configure changes to the client builder
     * @return the device, not yet open
     */
    public static SunVaultDevice of(String id, String host, UnaryOperator<SunVaultClient.Builder> configure) {
        Objects.requireNonNull(id, "id");
        return new SunVaultDevice(id, configure.apply(SunVaultClient.builder(host)));
    }

    /**
     * The gateway as a device; after a poll, with what the gateway reported about itself.
     *
     * @return the gateway's device info
     */
    @Override
    public DeviceInfo info() {
        return info;
    }

    /**
     * Creates the client; it connects on the first poll.
     *
     * @throws IOException never; declared by {@link io.github.solarwire.core.Device}
     */
    @Override
    public synchronized void open() throws IOException {
        if (client == null) {
            client = config.build();
        }
    }

    @Override
    public synchronized List<Reading> poll() throws IOException {
        if (client == null) {
            throw new IOException("SunVault device " + id + " is not open");
        }
        SunVaultPoll poll = client.poll();
        lastPoll = poll;
        String parent = unitId(SunVaultUnit.GATEWAY);
        SunVaultUnitData gateway = poll.units().get(SunVaultUnit.GATEWAY);
        if (gateway != null) {
            info = gateway.deviceInfo(parent, null);
        }
        List<Reading> readings = new ArrayList<>();
        for (Map.Entry<SunVaultUnit, SunVaultUnitData> e : poll.units().entrySet()) {
            SunVaultUnit unit = e.getKey();
            DeviceInfo device =
                    unit.equals(SunVaultUnit.GATEWAY) ? info : e.getValue().deviceInfo(unitId(unit), parent);
            readings.add(e.getValue().toReading(device, poll.time()));
        }
        if (readings.isEmpty()) {
            IOException failed = new IOException("no SunVault unit answered");
            poll.failures().values().forEach(failed::addSuppressed);
            throw failed;
        }
        return readings;
    }

    /**
     * The last poll, with the data of every unit in the {@code <device>/<key>} layout ({@link
     * SunVaultPoll#topics()}) and the failures of the units that did not answer.
     *
     * @return the last poll, or null before the first
     */
    public SunVaultPoll lastPoll() {
        return lastPoll;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    private String unitId(SunVaultUnit unit) {
        return id + "-" + unit.name();
    }
}
