package io.github.solarwire.pvs.ess;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.solarwire.core.ProtocolException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link SunVaultDecoder#decode}: any register bytes, cut into the planned blocks (the last ones
 * short or missing when the input runs out), give values or a ProtocolException, nothing else.
 */
class SunVaultDecoderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void decode(byte[] data) {
        if (data.length == 0) {
            return;
        }
        SunVaultUnit unit = SunVaultUnit.DEFAULTS.get((data[0] & 0xFF) % SunVaultUnit.DEFAULTS.size());
        List<RegisterBlock> blocks = new ArrayList<>();
        int at = 1;
        for (RegisterRange range : RegisterRange.of(unit.kind())) {
            int end = Math.min(data.length, at + range.count() * 2);
            blocks.add(new RegisterBlock(range.layout(), range.start(), Arrays.copyOfRange(data, at, end)));
            at = end;
        }
        try {
            SunVaultUnitData decoded = SunVaultDecoder.decode(unit, blocks);
            decoded.toReading(decoded.deviceInfo("fuzz-" + unit.name(), null), Instant.EPOCH);
        } catch (ProtocolException expected) {
            // bad input is reported this way only
        }
    }
}
