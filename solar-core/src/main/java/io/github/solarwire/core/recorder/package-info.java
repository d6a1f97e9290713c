/** The {@link io.github.solarwire.core.recorder.Recorder} pipeline, its backoff and health counters. */
package io.github.solarwire.core.recorder;
