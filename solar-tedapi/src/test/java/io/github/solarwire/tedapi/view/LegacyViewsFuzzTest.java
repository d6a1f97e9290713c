package io.github.solarwire.tedapi.view;

import static io.github.solarwire.tedapi.view.TedapiVectors.PW3;
import static io.github.solarwire.tedapi.view.TedapiVectors.input;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.solarwire.core.ProtocolException;

/**
 * The PW3 vector documents with fuzzer-chosen values replaced (see {@link
 * SeededRandomSnapshotTest#mutateTree}), or one of them replaced by raw fuzzer bytes: a
 * ProtocolException at build time, else every view without an exception.
 */
class LegacyViewsFuzzTest {

    private static final String[] FILES = {
        "config.json", "status.json", "controller.json", "components_leader.json", "components_follower.json"
    };

    private static final byte[][] BASE = new byte[FILES.length][];

    static {
        for (int i = 0; i < FILES.length; i++) {
            BASE[i] = input(PW3, FILES[i]);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void views(FuzzedDataProvider data) {
        byte[][] parts = BASE.clone();
        int victim = data.consumeInt(0, FILES.length - 1);
        if (data.consumeBoolean()) {
            parts[victim] = data.consumeRemainingAsBytes();
        } else {
            for (int round = data.consumeInt(1, 3); round > 0; round--) {
                parts[victim] = SeededRandomSnapshotTest.mutateTree(parts[victim], b -> data.consumeInt(0, b - 1));
            }
        }
        try {
            GatewaySnapshot snapshot = GatewaySnapshot.builder(TedapiVectors.PW3_LEADER)
                    .config(parts[0])
                    .status(parts[1])
                    .controller(parts[2])
                    .components(TedapiVectors.PW3_LEADER, parts[3])
                    .components(TedapiVectors.PW3_FOLLOWER, parts[4])
                    .build();
            AllViews.computeAll(snapshot);
        } catch (ProtocolException expected) {
            // bad input is reported this way only
        }
    }
}
