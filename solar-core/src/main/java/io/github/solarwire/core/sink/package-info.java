/** Sinks that ship with the core: JSON lines and CSV files. */
package io.github.solarwire.core.sink;
