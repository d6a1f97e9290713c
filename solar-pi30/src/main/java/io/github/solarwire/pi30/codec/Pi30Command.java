package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;
import java.util.Objects;

/**
 * A command ready to send, paired with the decoder of its reply: a query ({@link Pi30Queries})
 * whose reply is a record such as {@link QpigsResponse}, or a setting ({@link Pi30Settings})
 * whose reply is {@link Pi30Ack}.
 *
 * <pre>{@code
 * Pi30Command<QpigsResponse> qpigs = Pi30Queries.of(Pi30Protocol.PI30).qpigs();
 * byte[] out = qpigs.request().frame();              // write it to the port
 * QpigsResponse status = qpigs.decode(replyBytes);   // the bytes up to and including CR
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param <R> the type of the decoded reply
 */
public final class Pi30Command<R> {

    /** Decodes a checked data frame. */
    @FunctionalInterface
    interface Decoder<R> {
        R decode(Pi30Frame frame) throws ProtocolException;
    }

    private final String name;
    private final Pi30Protocol protocol;
    private final Pi30Request request;
    private final boolean setting;
    private final Decoder<R> decoder;

    private Pi30Command(String name, Pi30Protocol protocol, Pi30Request request, boolean setting, Decoder<R> decoder) {
        this.name = name;
        this.protocol = protocol;
        this.request = request;
        this.setting = setting;
        this.decoder = decoder;
    }

    static <R> Pi30Command<R> query(String name, Pi30Protocol protocol, String command, Decoder<R> decoder) {
        return new Pi30Command<>(name, protocol, Pi30Request.of(command), false, decoder);
    }

    static Pi30Command<Pi30Ack> setting(String name, Pi30Protocol protocol, String command) {
        return new Pi30Command<>(name, protocol, Pi30Request.of(command), true, null);
    }

    /**
     * The command's family, e.g. {@code QPIGS}, {@code QPGS} for {@code QPGS0}, {@code POP} for
     * {@code POP02}: the key its reply is filed under.
     *
     * @return the family name
     */
    public String name() {
        return name;
    }

    /**
     * The protocol variant the reply is decoded with.
     *
     * @return the variant
     */
    public Pi30Protocol protocol() {
        return protocol;
    }

    /**
     * The frame to send.
     *
     * @return the request
     */
    public Pi30Request request() {
        return request;
    }

    /**
     * Whether this is a setting (its reply is {@link Pi30Ack}) rather than a query.
     *
     * @return true for a setting
     */
    public boolean isSetting() {
        return setting;
    }

    /**
     * Decodes the reply.
     *
     * <p>For a query, {@code (NAK} or an echo of the request throws {@link Pi30NakException}. For
     * a setting, {@code (ACK} gives {@link Pi30Ack#ACK}, {@code (NAK} or an echo {@link
     * Pi30Ack#NAK}.
     *
     * @param frame the checked reply frame
     * @return the decoded reply
     * @throws Pi30NakException when the inverter refused a query
     * @throws ProtocolException when the reply is not a valid reply to this command
     */
    @SuppressWarnings("unchecked")
    public R decode(Pi30Frame frame) throws ProtocolException {
        Objects.requireNonNull(frame, "frame");
        String command = request.command();
        if (frame.kind() == Pi30Frame.Kind.REQUEST && !frame.payload().equals(command)) {
            throw new ProtocolException(command + " reply", 0, "a reply", "the request frame " + frame.payload());
        }
        if (setting) {
            return (R)
                    switch (frame.kind()) {
                        case ACK -> Pi30Ack.ACK;
                        case NAK, REQUEST -> Pi30Ack.NAK;
                        case DATA ->
                            throw new ProtocolException(command + " reply", 0, "(ACK or (NAK", "(" + frame.payload());
                    };
        }
        return switch (frame.kind()) {
            case DATA -> decoder.decode(frame);
            case NAK -> throw new Pi30NakException(command, false);
            case REQUEST -> throw new Pi30NakException(command, true);
            case ACK -> throw new ProtocolException(command + " reply", 0, "data", "(ACK");
        };
    }

    /**
     * Checks the bytes as a frame ({@link Pi30Frame#parse(byte[])}), then decodes the reply.
     *
     * @param response the reply, terminator included
     * @return the decoded reply
     * @throws Pi30NakException when the inverter refused a query
     * @throws ProtocolException when the bytes are not a valid reply to this command
     */
    public R decode(byte[] response) throws ProtocolException {
        return decode(Pi30Frame.parse(response));
    }

    @Override
    public String toString() {
        return "Pi30Command[" + request.command() + ", " + protocol + "]";
    }
}
