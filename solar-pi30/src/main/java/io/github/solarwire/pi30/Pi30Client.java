package io.github.solarwire.pi30;

import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.pi30.codec.Pi30Command;
import io.github.solarwire.pi30.codec.Pi30Frame;
import io.github.solarwire.pi30.codec.Pi30NakException;
import io.github.solarwire.pi30.transport.LinkTimeoutException;
import io.github.solarwire.pi30.transport.LinkTimeouts;
import io.github.solarwire.pi30.transport.Pi30Link;
import java.io.Closeable;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends PI30 commands over a {@link Pi30Link} and decodes the replies, one at a time. A reply that
 * is damaged on the way (a bad CRC, a frame cut short) or does not come in time is asked for again,
 * up to the retry count; a refusal ({@code (NAK}, or the request echoed back) and a reply that is
 * whole but does not decode are not, since asking again would give the same answer.
 *
 * <p>Thread-safe: concurrent callers take turns on the link.
 */
public final class Pi30Client implements Closeable {

    private final Pi30Link link;
    private final LinkTimeouts timeouts;
    private final int retries;
    private final AtomicLong exchanges = new AtomicLong();
    private final AtomicLong damaged = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();

    private Pi30Client(Pi30Link link, LinkTimeouts timeouts, int retries) {
        this.link = Objects.requireNonNull(link, "link");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        if (retries < 0 || retries > 10) {
            throw new IllegalArgumentException("retries must be 0 to 10, was " + retries);
        }
        this.retries = retries;
    }

    /**
     * A client with the given timeouts and retries.
     *
     * @param link the link; the client closes it
     * @param timeouts how long a reply may take
     * @param retries how many times a damaged or missing reply is asked for again (2 is usual)
     * @return the client
     */
    public static Pi30Client over(Pi30Link link, LinkTimeouts timeouts, int retries) {
        return new Pi30Client(link, timeouts, retries);
    }

    /**
     * Sends a command and decodes its reply.
     *
     * @param command the command, from {@code Pi30Queries} or {@code Pi30Settings}
     * @param <R> the reply type
     * @return the decoded reply
     * @throws Pi30NakException when the inverter refused the command
     * @throws ProtocolException when the reply stayed damaged through every retry, or does not
     *     decode as a reply to this command
     * @throws LinkTimeoutException when no reply came through every retry
     * @throws IOException when the link failed
     */
    public synchronized <R> R send(Pi30Command<R> command) throws IOException {
        byte[] request = command.request().frame();
        IOException last = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            exchanges.incrementAndGet();
            Pi30Frame frame;
            try {
                frame = Pi30Frame.parse(link.exchange(request, timeouts));
            } catch (LinkTimeoutException e) {
                timedOut.incrementAndGet();
                last = e;
                continue;
            } catch (ProtocolException e) {
                damaged.incrementAndGet();
                last = e;
                continue;
            }
            return command.decode(frame);
        }
        throw last;
    }

    /**
     * Exchanges made, retries included.
     *
     * @return the count
     */
    public long exchanges() {
        return exchanges.get();
    }

    /**
     * Replies that arrived damaged (bad CRC, bad framing).
     *
     * @return the count
     */
    public long damagedReplies() {
        return damaged.get();
    }

    /**
     * Exchanges that ended without a complete reply.
     *
     * @return the count
     */
    public long timeouts() {
        return timedOut.get();
    }

    /**
     * What the client talks to.
     *
     * @return the link's description
     */
    public String describe() {
        return link.describe();
    }

    @Override
    public void close() throws IOException {
        link.close();
    }

    @Override
    public String toString() {
        return "Pi30Client[" + link.describe() + "]";
    }
}
