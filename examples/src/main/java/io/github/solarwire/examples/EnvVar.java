package io.github.solarwire.examples;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the environment variable an option also reads, where a drop-in app must keep its seed's
 * name ({@code PVS_HOST}, {@code KOSTAL_HOST}, …). Options without it read {@code
 * SOLAR_<APP>_<OPTION>}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface EnvVar {
    /**
     * The variable's name.
     *
     * @return the name
     */
    String value();
}
