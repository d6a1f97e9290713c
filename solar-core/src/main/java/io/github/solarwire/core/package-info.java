/**
 * The core model: {@link io.github.solarwire.core.Unit}, {@link io.github.solarwire.core.Metric}
 * and the {@link io.github.solarwire.core.Metrics} catalogue, {@link
 * io.github.solarwire.core.Reading}, {@link io.github.solarwire.core.DeviceInfo}, {@link
 * io.github.solarwire.core.Device}, {@link io.github.solarwire.core.Sink}, {@link
 * io.github.solarwire.core.ProtocolException} and {@link io.github.solarwire.core.Secret}.
 */
package io.github.solarwire.core;
