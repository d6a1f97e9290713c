package io.github.solarwire.pi30.sim;

/** A misbehaviour the simulator can be told to show on its next replies. */
public enum Fault {
    /** Answers {@code (NAKss} instead of the data. */
    NAK,
    /** Sends the right reply with its two CRC bytes wrong. */
    BAD_CRC,
    /** Sends random printable bytes and a CR instead of a frame. */
    GARBAGE,
    /** Sends the first half of the reply and then nothing. */
    TRUNCATED,
    /** Sends nothing at all. */
    SILENCE,
    /** Sends the reply ten times slower than the line rate (a long cable, a busy inverter). */
    SLOW
}
