package io.github.solarwire.pi30;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.PolledDevice;
import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.core.Reading;
import io.github.solarwire.pi30.codec.Pi30Command;
import io.github.solarwire.pi30.codec.Pi30NakException;
import io.github.solarwire.pi30.codec.Pi30Protocol;
import io.github.solarwire.pi30.codec.Pi30Queries;
import io.github.solarwire.pi30.codec.Pi30Readings;
import io.github.solarwire.pi30.codec.QmodResponse;
import io.github.solarwire.pi30.codec.QpgsResponse;
import io.github.solarwire.pi30.codec.Qpigs2Response;
import io.github.solarwire.pi30.codec.QpigsResponse;
import io.github.solarwire.pi30.codec.QpiwsResponse;
import io.github.solarwire.pi30.transport.LinkTimeouts;
import io.github.solarwire.pi30.transport.Pi30Link;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A Voltronic / MPP Solar PI30 inverter as a polled device.
 *
 * <p>{@link #open()} opens the link and asks who the inverter is: {@code QPI} (it must speak PI30),
 * {@code QMN} and {@code QGMN} (which tell a MAX model, unless the variant was given), {@code QID}
 * (the serial number) and {@code QVFW} (the firmware). Each {@link #poll()} asks {@code QPIGS},
 * {@code QPIGS2} on a MAX (for the second tracker), {@code QMOD} and {@code QPIWS}, and gives one
 * reading with AC in and out, PV1/PV2, battery, load, temperatures, and the mode and warnings as
 * text states. With {@link Builder#parallelUnits(int)} it also asks {@code QPGS0…} and gives one
 * reading per unit, with device ids {@code <id>-unit<n>}.
 *
 * <p>A command the inverter refuses ({@code (NAK} or an echo) is remembered and not asked again
 * until the device is reopened; only {@code QPIGS} is required.
 */
public final class Pi30Device implements PolledDevice {

    /** Opens the link when the device is opened, so a reopen after a failure starts afresh. */
    @FunctionalInterface
    public interface LinkOpener {
        /**
         * Opens the link.
         *
         * @return the open link
         * @throws IOException when it cannot be opened
         */
        Pi30Link open() throws IOException;
    }

    private final String id;
    private final LinkOpener opener;
    private final Pi30Protocol fixedProtocol;
    private final int parallelUnits;
    private final LinkTimeouts timeouts;
    private final int retries;
    private final Clock clock;
    private final Duration interval;
    private final Set<String> refused = new HashSet<>();

    private Pi30Client client;
    private Pi30Queries queries;
    private DeviceInfo info;
    private DeviceInfo[] units;

    private Pi30Device(Builder b) {
        this.id = b.id;
        this.opener = b.opener;
        this.fixedProtocol = b.protocol;
        this.parallelUnits = b.parallelUnits;
        this.timeouts = b.timeouts;
        this.retries = b.retries;
        this.clock = b.clock;
        this.interval = b.interval;
        this.info = DeviceInfo.builder(id, "inverter")
                .vendor("Voltronic")
                .protocol("pi30")
                .build();
    }

    /**
     * Starts a builder.
     *
     * @param id the device's stable id, e.g. {@code inverter}
     * @param opener opens the link, e.g. {@code () -> SerialLink.open("/dev/ttyUSB0", 2400)}
     * @return a new builder
     */
    public static Builder builder(String id, LinkOpener opener) {
        return new Builder(id, opener);
    }

    @Override
    public DeviceInfo info() {
        return info;
    }

    @Override
    public Duration defaultInterval() {
        return interval;
    }

    /**
     * The variant in use: given, or detected when the device was opened.
     *
     * @return the variant, or null before the first open
     */
    public Pi30Protocol protocol() {
        return queries == null ? fixedProtocol : queries.protocol();
    }

    /**
     * The client of the open link, for commands beyond the poll (settings, energy counters).
     *
     * @return the client
     * @throws IllegalStateException when the device is not open
     */
    public Pi30Client client() {
        if (client == null) {
            throw new IllegalStateException(id + " is not open");
        }
        return client;
    }

    @Override
    public void open() throws IOException {
        refused.clear();
        client = Pi30Client.over(opener.open(), timeouts, retries);
        try {
            identify();
        } catch (IOException | RuntimeException e) {
            client.close();
            client = null;
            throw e;
        }
    }

    private void identify() throws IOException {
        Pi30Queries base = Pi30Queries.of(fixedProtocol != null ? fixedProtocol : Pi30Protocol.PI30);
        String protocolId = client.send(base.qpi()).protocolId();
        var qmn = optional(base.qmn());
        String model = qmn == null ? null : qmn.modelName();
        String general = null;
        if (fixedProtocol == null
                && (model == null || !model.toUpperCase(Locale.ROOT).contains("MAX"))) {
            var qgmn = optional(base.qgmn());
            general = qgmn == null ? null : qgmn.generalModelNumber();
        }
        Pi30Protocol protocol = fixedProtocol;
        if (protocol == null) {
            protocol = Pi30Protocol.detect(protocolId, model, general)
                    .orElseThrow(() -> new ProtocolException(
                            id + " QPI", 0, "PI30", protocolId + " (another protocol; not supported)"));
        }
        queries = Pi30Queries.of(protocol);
        var serial = optional(queries.qid());
        var firmware = optional(queries.qvfw());
        DeviceInfo.Builder b = DeviceInfo.builder(id, "inverter")
                .vendor("Voltronic")
                .protocol(protocol.name().toLowerCase(Locale.ROOT));
        if (model != null && !model.isBlank()) {
            b.model(model.strip());
        }
        if (serial != null) {
            b.serial(serial.serialNumber());
        }
        if (firmware != null) {
            String text = firmware.text(); // VERFW:00072.70
            b.firmware(text.substring(text.indexOf(':') + 1).strip());
        }
        info = b.build();
        units = new DeviceInfo[parallelUnits];
        for (int n = 0; n < parallelUnits; n++) {
            units[n] = DeviceInfo.builder(id + "-unit" + n, "inverter")
                    .vendor("Voltronic")
                    .protocol(info.protocol())
                    .build();
        }
    }

    /** Sends a command the inverter may not know; null when it refuses (remembered). */
    private <R> R optional(Pi30Command<R> command) throws IOException {
        String key = command.request().command();
        if (refused.contains(key)) {
            return null;
        }
        try {
            return client.send(command);
        } catch (Pi30NakException e) {
            refused.add(key);
            return null;
        }
    }

    @Override
    public List<Reading> poll() throws IOException {
        if (client == null) {
            throw new IllegalStateException(id + " is not open");
        }
        QpigsResponse qpigs = client.send(queries.qpigs());
        Qpigs2Response qpigs2 = queries.protocol() == Pi30Protocol.PI30MAX ? optional(queries.qpigs2()) : null;
        QmodResponse qmod = optional(queries.qmod());
        QpiwsResponse qpiws = optional(queries.qpiws());
        List<Reading> out = new ArrayList<>(1 + parallelUnits);
        out.add(Pi30Readings.addTo(Reading.builder(info, clock.instant()), qpigs, qpigs2, qmod, qpiws)
                .build());
        for (int n = 0; n < parallelUnits; n++) {
            QpgsResponse unit = optional(queries.qpgs(n));
            if (unit != null && unit.unitValid()) {
                out.add(Pi30Readings.addTo(Reading.builder(units[n], clock.instant()), unit)
                        .build());
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        Pi30Client c = client;
        client = null;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public String toString() {
        return "Pi30Device[" + id + (client == null ? ", closed" : ", " + client.describe()) + "]";
    }

    /** Configures a {@link Pi30Device}. */
    public static final class Builder {
        private final String id;
        private final LinkOpener opener;
        private Pi30Protocol protocol;
        private int parallelUnits;
        private LinkTimeouts timeouts = LinkTimeouts.SERIAL;
        private int retries = 2;
        private Clock clock = Clock.systemUTC();
        private Duration interval = Duration.ofSeconds(5);

        private Builder(String id, LinkOpener opener) {
            this.id = Objects.requireNonNull(id, "id");
            this.opener = Objects.requireNonNull(opener, "opener");
        }

        /**
         * Fixes the variant instead of detecting it.
         *
         * @param protocol the variant
         * @return this builder
         */
        public Builder protocol(Pi30Protocol protocol) {
            this.protocol = Objects.requireNonNull(protocol, "protocol");
            return this;
        }

        /**
         * Also reads units 0 to {@code n - 1} of a parallel system with {@code QPGSn}.
         *
         * @param n the number of units, 0 to 9; default 0
         * @return this builder
         */
        public Builder parallelUnits(int n) {
            if (n < 0 || n > 9) {
                throw new IllegalArgumentException("parallel units must be 0 to 9, was " + n);
            }
            this.parallelUnits = n;
            return this;
        }

        /**
         * Sets how long a reply may take. Default {@link LinkTimeouts#SERIAL}.
         *
         * @param timeouts the timeouts
         * @return this builder
         */
        public Builder timeouts(LinkTimeouts timeouts) {
            this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
            return this;
        }

        /**
         * Sets how often a damaged or missing reply is asked for again. Default 2.
         *
         * @param retries 0 to 10
         * @return this builder
         */
        public Builder retries(int retries) {
            this.retries = retries;
            return this;
        }

        /**
         * Sets the clock that timestamps readings. Default UTC system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the poll interval a recorder uses when not told. Default 5 s.
         *
         * @param interval the interval
         * @return this builder
         */
        public Builder defaultInterval(Duration interval) {
            this.interval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * Builds the device; nothing is opened until {@link Pi30Device#open()}.
         *
         * @return the device
         */
        public Pi30Device build() {
            return new Pi30Device(this);
        }
    }
}
