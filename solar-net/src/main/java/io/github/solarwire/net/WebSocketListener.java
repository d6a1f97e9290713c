package io.github.solarwire.net;

/**
 * Receives a WebSocket session's messages, whole (continuation frames joined).
 *
 * <p>Called on the client's event-loop thread, one message at a time, in the order they arrived.
 * Must not block: every session of the client shares that thread. A method that throws fails the
 * session with an {@link java.io.IOException} naming the exception.
 */
public interface WebSocketListener {

    /**
     * A text message arrived.
     *
     * @param utf8 the whole message as UTF-8 bytes; the listener may keep them
     */
    void onText(byte[] utf8);

    /**
     * A binary message arrived. Ignored unless overridden.
     *
     * @param data the whole message; the listener may keep it
     */
    default void onBinary(byte[] data) {}
}
