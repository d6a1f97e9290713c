package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code QFLAG} reply, {@code E<letters>D<letters>}: the settings after {@code E} are enabled,
 * those after {@code D} disabled, e.g. {@code EakxyDbjuvz}.
 *
 * @param settings every letter in the order sent
 */
public record QflagResponse(List<Setting> settings) {

    /**
     * Copies the list.
     *
     * @param settings see the record description
     */
    public QflagResponse {
        settings = List.copyOf(settings);
    }

    /**
     * One letter of the reply.
     *
     * @param letter the letter as sent
     * @param flag the setting, or null for a letter this library does not know
     * @param enabled whether it is enabled
     */
    public record Setting(char letter, Pi30Flag flag, boolean enabled) {}

    /**
     * Whether a setting is enabled.
     *
     * @param flag the setting
     * @return true or false, or empty when the reply does not mention it
     */
    public Optional<Boolean> enabled(Pi30Flag flag) {
        for (Setting s : settings) {
            if (s.flag() == flag) {
                return Optional.of(s.enabled());
            }
        }
        return Optional.empty();
    }

    static QflagResponse decode(Pi30Frame frame) throws ProtocolException {
        Pi30Fields f = Pi30Fields.of("QFLAG", frame).require(1, 1);
        String text = f.text();
        if (text.charAt(0) != 'E' && text.charAt(0) != 'D') {
            throw f.invalid("flags", "E<letters>D<letters>");
        }
        List<Setting> settings = new ArrayList<>(text.length());
        boolean enabled = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'E' || c == 'D') {
                enabled = c == 'E';
            } else if (c >= 'a' && c <= 'z') {
                settings.add(new Setting(c, Pi30Flag.fromLetter(c).orElse(null), enabled));
            } else {
                throw f.invalid("flags", "E, D and lower-case letters");
            }
        }
        return new QflagResponse(settings);
    }
}
