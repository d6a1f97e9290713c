package io.github.solarwire.pi30.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The exchange logic every link shares. A reader thread of the link's own reads whatever the
 * device sends (one HID report, a burst of serial bytes, a TCP segment) and queues it; {@link
 * #exchange} discards what is queued, writes the request and takes chunks until a CR, with the
 * first-byte, inter-byte and total deadlines. No fixed sleeps: a reply is returned the moment its
 * CR arrives.
 */
abstract class StreamLink implements Pi30Link {

    private static final byte CR = 0x0d;
    private static final byte[] CLOSED = new byte[0];

    private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private final String description;
    private Thread reader;
    private volatile boolean closed;
    private volatile IOException failure;

    StreamLink(String description) {
        this.description = description;
    }

    /** Starts the reader thread; subclasses call it once their channel is open. */
    final void startReader() {
        reader = new Thread(this::readLoop, "pi30-link-" + description);
        reader.setDaemon(true);
        reader.start();
    }

    /** Reads what is available, blocking until something is; -1 at the end of the stream. */
    abstract int read(byte[] buffer) throws IOException;

    /** Writes a whole request frame the way the link needs (HID: 8-byte reports). */
    abstract void write(byte[] request) throws IOException;

    /** Closes the channel, which also ends a blocked {@link #read}. */
    abstract void closeChannel() throws IOException;

    private void readLoop() {
        byte[] buffer = new byte[256];
        try {
            while (!closed) {
                int n = read(buffer);
                if (n < 0) {
                    throw new IOException(description + ": the link was closed by the other end");
                }
                if (n > 0) {
                    byte[] chunk = new byte[n];
                    System.arraycopy(buffer, 0, chunk, 0, n);
                    chunks.add(chunk);
                }
            }
        } catch (IOException e) {
            if (!closed) {
                failure = e;
            }
        } finally {
            chunks.add(CLOSED);
        }
    }

    @Override
    public final synchronized byte[] exchange(byte[] request, LinkTimeouts timeouts) throws IOException {
        checkOpen();
        chunks.removeIf(c -> c != CLOSED); // a late reply to an earlier request, or noise
        write(request);
        long start = System.nanoTime();
        long deadline = start + timeouts.total().toNanos();
        ByteArrayOutputStream reply = new ByteArrayOutputStream(128);
        while (true) {
            long gap = reply.size() == 0
                    ? timeouts.firstByte().toNanos()
                    : timeouts.interByte().toNanos();
            long wait = Math.min(gap, deadline - System.nanoTime());
            byte[] chunk;
            try {
                chunk = wait > 0 ? chunks.poll(wait, TimeUnit.NANOSECONDS) : null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException(description + ": interrupted while waiting for a reply");
            }
            if (chunk == null) {
                String which = reply.size() == 0
                        ? "no reply within " + timeouts.firstByte().toMillis() + " ms"
                        : System.nanoTime() >= deadline
                                ? "reply not complete within "
                                        + timeouts.total().toMillis() + " ms"
                                : "reply stalled for " + timeouts.interByte().toMillis() + " ms";
                throw new LinkTimeoutException(
                        description + ": " + which + " (" + reply.size() + " bytes, no CR)", reply.size());
            }
            if (chunk == CLOSED) {
                chunks.add(CLOSED);
                checkOpen();
                throw new IOException(description + ": closed");
            }
            for (int i = 0; i < chunk.length; i++) {
                if (chunk[i] == CR) {
                    reply.write(chunk, 0, i + 1);
                    return reply.toByteArray(); // what follows in this chunk is HID padding or noise
                }
            }
            reply.write(chunk, 0, chunk.length);
            if (reply.size() > 4096) {
                throw new IOException(description + ": over 4096 bytes without a CR; not a PI30 reply");
            }
        }
    }

    private void checkOpen() throws IOException {
        IOException f = failure;
        if (f != null) {
            throw new IOException(description + ": " + f.getMessage(), f);
        }
        if (closed) {
            throw new IOException(description + ": closed");
        }
    }

    @Override
    public final String describe() {
        return description;
    }

    @Override
    public final void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            closeChannel();
        } finally {
            if (reader != null) {
                try {
                    reader.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + description + "]";
    }
}
