package io.github.solarwire.solaredge.codec;

import io.github.solarwire.core.ProtocolException;
import java.util.Optional;

/**
 * A frame payload with a known layout (spec §3.1): parameter reads and writes, their responses, the
 * server's time, a firmware version and energy counters. Each is a small immutable record that encodes to, and decodes from, the exact
 * payload bytes (little-endian).
 */
public sealed interface SePayload
        permits ParamGetRequest,
                ParamSetRequest,
                ParamResponse,
                ServerGmtResponse,
                VersionResponse,
                EnergyStatisticsResponse {

    /**
     * The function code a frame carrying this payload has.
     *
     * @return the code
     */
    FunctionCode function();

    /**
     * The payload bytes.
     *
     * @return a new array
     */
    byte[] encode();

    /**
     * A frame carrying this payload.
     *
     * @param sequence the transaction number, 0 to 0xFFFF
     * @param source the sender's address
     * @param destination the receiver's address
     * @return the frame
     */
    default SeFrame toFrame(int sequence, long source, long destination) {
        return new SeFrame(sequence, source, destination, function(), encode());
    }

    /**
     * The typed payload of a frame whose function code has a known layout.
     *
     * @param frame the frame
     * @return the payload, or empty when the function code has no typed layout here
     * @throws ProtocolException when the code is known but the payload does not fit its layout
     */
    static Optional<SePayload> decode(SeFrame frame) throws ProtocolException {
        byte[] p = frame.payload();
        return switch (frame.function().code()) {
            case 0x0012 -> Optional.of(ParamGetRequest.decode(p));
            case 0x0011 -> Optional.of(ParamSetRequest.decode(p));
            case 0x0090 -> Optional.of(ParamResponse.decode(p));
            case 0x0580 -> Optional.of(ServerGmtResponse.decode(p));
            case 0x00b0 -> Optional.of(VersionResponse.decode(p));
            case 0x038d -> Optional.of(EnergyStatisticsResponse.decode(p));
            default -> Optional.empty();
        };
    }
}
