/**
 * Voltronic / MPP Solar PI30 inverters: the protocol codec (CRC, request encoding, response
 * framing, typed decoders of every query and setting), the links that carry it (serial, USB HID,
 * TCP bridges), a simulator, and the device facade.
 */
// The module is named after the protocol, digits and all (DESIGN.md section 1).
@SuppressWarnings("module")
module io.github.solarwire.pi30 {
    requires transitive io.github.solarwire.core;
    requires com.fazecast.jSerialComm;

    exports io.github.solarwire.pi30;
    exports io.github.solarwire.pi30.codec;
    exports io.github.solarwire.pi30.transport;
    exports io.github.solarwire.pi30.sim;
}
