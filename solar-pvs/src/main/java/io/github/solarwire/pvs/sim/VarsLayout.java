package io.github.solarwire.pvs.sim;

/** How a {@link SimulatedPvs}'s varserver names its device variables; both occur in the field. */
public enum VarsLayout {
    /** One variable a field: {@code /sys/devices/inverter/0/p3phsumKw} (the vendor's variable list). */
    FLAT,
    /** One JSON object a device: {@code /sys/devices/21/inverter/data} (the older documentation). */
    DATA_OBJECTS
}
