package io.github.solarwire.tedapi.view;

/**
 * The gateway firmware as reported by {@code getSystemInfo} (TEDAPI envelope field 4).
 *
 * @param versionText the version text, for example {@code "24.4.0 0fe780c9"} or
 *     {@code "24.12.6-PW3-AFCI 008bf6ff"}; never null
 * @param gitHash the git hash as hex text, or null when unknown
 */
public record FirmwareInfo(String versionText, String gitHash) {

    /**
     * Checks the version text.
     *
     * @param versionText the version text, never null
     * @param gitHash the git hash as hex text, or null
     */
    public FirmwareInfo {
        if (versionText == null) {
            throw new IllegalArgumentException("versionText is null");
        }
    }

    /**
     * The version as the integer pypowerwall calls {@code vint}: the dotted numbers of the first
     * word, each worth a factor 100 more than the next, so {@code "25.10.1 abc"} gives 251001 and
     * {@code "24.4.0"} gives 240400. Non-numeric parts count as 0.
     *
     * @return the version integer
     */
    public long versionNumber() {
        String first = versionText.strip().split("[\\s-]", 2)[0];
        String[] parts = first.split("\\.");
        long value = 0;
        for (int i = 0; i < 3; i++) {
            value *= 100;
            if (i < parts.length) {
                value += leadingNumber(parts[i]);
            }
        }
        return value;
    }

    private static long leadingNumber(String part) {
        int end = 0;
        while (end < part.length() && end < 9 && Character.isDigit(part.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Long.parseLong(part.substring(0, end));
    }
}
