package io.github.solarwire.net;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.ReadTimeoutException;
import javax.net.ssl.SSLException;

/** Says in words what failed on a connection, for the messages of the exceptions the clients return. */
final class Failures {

    private Failures() {}

    static String describe(Throwable cause) {
        Throwable c = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (c instanceof ReadTimeoutException) {
            return "no response within the timeout";
        }
        if (c instanceof TooLongFrameException) {
            return "the response is too long: " + c.getMessage();
        }
        if (c instanceof SSLException) {
            return "TLS failure: " + c.getMessage();
        }
        return c.toString();
    }
}
