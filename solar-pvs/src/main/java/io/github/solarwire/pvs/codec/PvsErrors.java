package io.github.solarwire.pvs.codec;

import io.github.solarwire.core.ProtocolException;
import java.util.Map;

/** The PVS's own error body, e.g. {@code {"status":403,"error":"Unauthorized","path":""}}. */
final class PvsErrors {

    private PvsErrors() {}

    static void checkNotRefused(Map<String, Object> root, String what) throws ProtocolException {
        Object error = root.get("error");
        if (error != null) {
            Object status = root.get("status");
            String found = (status == null ? "" : Values.raw(status, what + " status") + " ")
                    + Values.raw(error, what + " error");
            throw new ProtocolException("the PVS refused the " + what + " request", -1, what, found);
        }
    }
}
