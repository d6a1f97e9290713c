package io.github.solarwire.tedapi.view;

import java.util.List;
import java.util.function.Function;

/** Every view of {@link LegacyViews}, typed and as bytes, for the missing-data and fuzz tests. */
final class AllViews {

    static final List<Function<GatewaySnapshot, Object>> ALL = List.of(
            LegacyViews::aggregates,
            LegacyViews::aggregatesJson,
            LegacyViews::soe,
            LegacyViews::soeJson,
            LegacyViews::rawSoe,
            LegacyViews::rawSoeJson,
            LegacyViews::gridStatus,
            LegacyViews::gridStatusJson,
            LegacyViews::siteInfo,
            LegacyViews::siteInfoJson,
            LegacyViews::status,
            LegacyViews::statusJson,
            LegacyViews::versionJson,
            LegacyViews::operationJson,
            LegacyViews::powerwallsJson,
            LegacyViews::vitalsJson,
            LegacyViews::strings,
            LegacyViews::stringsJson,
            LegacyViews::temps,
            LegacyViews::tempsJson,
            LegacyViews::tempsPwJson,
            LegacyViews::alerts,
            LegacyViews::alertsJson,
            LegacyViews::alertsPwJson,
            LegacyViews::fans,
            LegacyViews::fansJson,
            LegacyViews::fansPwJson,
            LegacyViews::batteryBlocks,
            LegacyViews::batteryJson,
            LegacyViews::systemStatusJson,
            LegacyViews::freqJson,
            LegacyViews::podJson,
            s -> LegacyViews.csv(s, true, true),
            s -> LegacyViews.csvV2(s, true, false));

    private AllViews() {}

    /** Computes every view; any exception propagates. */
    static void computeAll(GatewaySnapshot snapshot) {
        for (Function<GatewaySnapshot, Object> view : ALL) {
            view.apply(snapshot);
        }
    }
}
