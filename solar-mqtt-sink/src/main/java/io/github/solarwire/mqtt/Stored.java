package io.github.solarwire.mqtt;

/** What the shared bookkeeping of {@link BoundedOutbox} needs to know of a stored message. */
interface Stored {

    /** The message's sequence number. */
    long sequence();

    /** When it was appended, in epoch milliseconds. */
    long storedAtMillis();

    /** Its topic (UTF-8) and payload bytes: what the byte bound counts. */
    long bytes();
}
