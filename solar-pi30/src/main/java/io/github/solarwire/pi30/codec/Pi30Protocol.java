package io.github.solarwire.pi30.codec;

import java.util.Locale;
import java.util.Optional;

/**
 * The PI30 protocol variants this library decodes. Both answer {@code QPI} with {@code PI30}; they
 * differ in field names, the {@code QPIWS} warning table, {@code QDI} field 25, {@code QPIGS2}
 * and the commands they support.
 */
public enum Pi30Protocol {
    /** The base PI30 protocol: Axpert / PIP HS, MS, MSX, MKS, KS, LV2424 and alike. */
    PI30,
    /** PI30MAX: LV6048MAX, PIP 8048MAX, Axpert MAX; dual MPPT ({@code QPIGS2}), energy counters, {@code QSID}. */
    PI30MAX;

    /**
     * Picks the variant from what the inverter says about itself.
     *
     * <p>{@code QPI} must be {@code PI30} (PI16, PI17, PI18 and PI41 are other protocols). Since
     * both variants answer {@code PI30}, the model decides: a {@code QMN} model name containing
     * {@code MAX}, or the {@code QGMN} general model number {@code 044} (Axpert MAX 7.2 k), gives
     * {@link #PI30MAX}; anything else {@link #PI30}.
     *
     * @param protocolId the {@code QPI} reply, e.g. {@code PI30}
     * @param modelName the {@code QMN} reply, or null when unknown (or refused)
     * @param generalModelNumber the {@code QGMN} reply, or null when unknown (or refused)
     * @return the variant, or empty when the inverter speaks another protocol
     */
    public static Optional<Pi30Protocol> detect(String protocolId, String modelName, String generalModelNumber) {
        if (protocolId == null || !protocolId.strip().equals("PI30")) {
            return Optional.empty();
        }
        boolean max = modelName != null && modelName.toUpperCase(Locale.ROOT).contains("MAX")
                || generalModelNumber != null && generalModelNumber.strip().equals("044");
        return Optional.of(max ? PI30MAX : PI30);
    }

    /**
     * Picks the variant from the {@code QPI} reply alone: {@link #PI30} for a PI30 inverter.
     *
     * @param qpi the decoded {@code QPI} reply
     * @return the variant, or empty when the inverter speaks another protocol
     */
    public static Optional<Pi30Protocol> detect(QpiResponse qpi) {
        return detect(qpi.protocolId(), null, null);
    }
}
