/**
 * The SunPower / SunStrong PVS5 and PVS6 interfaces as pure functions and small immutable
 * objects: bytes in, records out.
 *
 * <ul>
 *   <li>{@link io.github.solarwire.pvs.codec.TelemetryFrame}: the telemetry WebSocket's {@code
 *       power} notification ({@link io.github.solarwire.pvs.codec.PowerNotification}), other
 *       notification types as {@link io.github.solarwire.pvs.codec.OtherNotification};
 *   <li>{@link io.github.solarwire.pvs.codec.VarserverVars}: varserver {@code /vars} responses in
 *       both layouts, with live data, devices ({@link
 *       io.github.solarwire.pvs.codec.VarserverDevice}) and {@link
 *       io.github.solarwire.pvs.codec.SystemInfo};
 *   <li>{@link io.github.solarwire.pvs.codec.DeviceList}: the legacy {@code dl_cgi} DeviceList
 *       ({@link io.github.solarwire.pvs.codec.DeviceListEntry});
 *   <li>{@link io.github.solarwire.pvs.codec.SupervisorInfo}: {@code supervisor/info}, to choose
 *       the data path by firmware build.
 * </ul>
 *
 * <p>Every kW and kWh becomes W and Wh exactly once, in this package. Nothing here does I/O,
 * starts threads, reads clocks or logs. Bad input is always a {@link
 * io.github.solarwire.core.ProtocolException}. Every type is immutable and thread-safe.
 */
package io.github.solarwire.pvs.codec;
