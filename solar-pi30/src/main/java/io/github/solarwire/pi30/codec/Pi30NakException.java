package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;

/**
 * The inverter refused a query: it answered {@code (NAK}, or echoed the request back, which some
 * firmwares do for a command they do not know. Either way the command is not supported (or not
 * now); a device may remember that and stop asking.
 */
public class Pi30NakException extends ProtocolException {

    /** The refused command. */
    private final String command;
    /** Whether the inverter echoed the request instead of answering (NAK. */
    private final boolean echoed;

    /**
     * A refusal.
     *
     * @param command the command that was refused, e.g. {@code QPIGS2}
     * @param echoed true when the inverter echoed the request instead of answering {@code (NAK}
     */
    public Pi30NakException(String command, boolean echoed) {
        super(
                echoed
                        ? "NAK: the inverter echoed " + command + " back (it does not recognise the command)"
                        : "NAK: the inverter refused " + command);
        this.command = command;
        this.echoed = echoed;
    }

    /**
     * The refused command.
     *
     * @return the command text or family, e.g. {@code QPIGS2}
     */
    public String command() {
        return command;
    }

    /**
     * Whether the refusal was an echo of the request rather than {@code (NAK}.
     *
     * @return true for an echo
     */
    public boolean echoed() {
        return echoed;
    }
}
