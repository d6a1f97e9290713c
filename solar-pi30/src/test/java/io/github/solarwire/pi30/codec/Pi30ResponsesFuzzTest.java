package io.github.solarwire.pi30.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.solarwire.core.ProtocolException;
import java.util.List;

/**
 * The decoder of every query (both variants) and both renderings: the first byte picks the command,
 * the rest is a payload sealed with a valid CRC. Only ProtocolException may escape a decoder.
 */
class Pi30ResponsesFuzzTest {

    private static final List<Pi30Command<?>> COMMANDS = AllQueries.all();

    @FuzzTest
    void decode(byte[] data) {
        if (data.length == 0) {
            return;
        }
        Pi30Command<?> command = COMMANDS.get((data[0] & 0xFF) % COMMANDS.size());
        try {
            Object decoded = command.decode(Sealed.reply(Sealed.rest(data, 1)));
            Pi30MppSolarFormat.toJson(command, decoded);
            Pi30SolarwireFormat.toJson(command, decoded);
        } catch (ProtocolException expected) {
            // bad input is reported this way only
        }
    }
}
