package io.github.solarwire.tedapi.codec;

/** The two shipped sets of Tesla-signed queries, named after the month they were captured. */
public enum QuerySetVersion {
    /** Captured from Tesla One in 2024: three roles, the default that every TEDAPI gateway answers. */
    V2024_06,
    /** Captured from the Tesla app bundle in 2026: ten operations, version-2 signed bytes. */
    V2026_06;

    /**
     * The other set, which a client tries when this one fails.
     *
     * @return the other version
     */
    public QuerySetVersion other() {
        return this == V2024_06 ? V2026_06 : V2024_06;
    }
}
