package io.github.solarwire.pi30.codec;

/** The reply to a setting command. */
public enum Pi30Ack {
    /** {@code (ACK}: the inverter took the setting. */
    ACK,
    /**
     * {@code (NAK}: the inverter refused the setting (or, by echoing it back, did not recognise the
     * command).
     */
    NAK
}
