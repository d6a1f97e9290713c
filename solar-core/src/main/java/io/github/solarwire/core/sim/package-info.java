/** The core's simulators: a synthetic hybrid inverter following a solar day. */
package io.github.solarwire.core.sim;
