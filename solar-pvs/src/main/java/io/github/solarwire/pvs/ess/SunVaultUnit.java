package io.github.solarwire.pvs.ess;

import java.util.List;
import java.util.Objects;

/**
 * One Modbus unit behind the SunVault gateway: its unit id and what it is. Its {@link #name()}
 * ({@code gateway}, {@code inverter10}, {@code bms230}) is the {@code <device>} in the {@code
 * <device>/<key>} layout.
 *
 * @param id the Modbus unit id, 0 to 255
 * @param kind what the unit is
 */
public record SunVaultUnit(int id, Kind kind) {

    /** The gateway (unit 1). */
    public static final SunVaultUnit GATEWAY = new SunVaultUnit(1, Kind.GATEWAY);

    /** The units a SunVault has (spec §6): gateway 1, Conext XW inverters 10 and 11, BMS 230 and 231. */
    public static final List<SunVaultUnit> DEFAULTS = List.of(
            GATEWAY,
            new SunVaultUnit(10, Kind.INVERTER),
            new SunVaultUnit(11, Kind.INVERTER),
            new SunVaultUnit(230, Kind.BMS),
            new SunVaultUnit(231, Kind.BMS));

    /** What a unit is. */
    public enum Kind {
        /** The Conext gateway itself. */
        GATEWAY("gateway"),
        /** A Conext XW inverter/charger. */
        INVERTER("inverter"),
        /** A battery management system. */
        BMS("battery");

        private final String deviceKind;

        Kind(String deviceKind) {
            this.deviceKind = deviceKind;
        }

        /**
         * The solarwire device kind ({@link io.github.solarwire.core.DeviceInfo#kind()}).
         *
         * @return {@code gateway}, {@code inverter} or {@code battery}
         */
        public String deviceKind() {
            return deviceKind;
        }
    }

    /**
     * Checks the id and kind.
     *
     * @param id the Modbus unit id, 0 to 255
     * @param kind what the unit is
     */
    public SunVaultUnit {
        Objects.requireNonNull(kind, "kind");
        if (id < 0 || id > 255) {
            throw new IllegalArgumentException("Modbus unit id " + id + " is not 0 to 255");
        }
    }

    /**
     * The device name in the {@code <device>/<key>} layout: {@code gateway} for the gateway,
     * otherwise {@code inverter<id>} or {@code bms<id>}.
     *
     * @return the name
     */
    public String name() {
        return switch (kind) {
            case GATEWAY -> id == 1 ? "gateway" : "gateway" + id;
            case INVERTER -> "inverter" + id;
            case BMS -> "bms" + id;
        };
    }
}
