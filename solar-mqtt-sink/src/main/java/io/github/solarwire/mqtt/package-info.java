/** MQTT publishing of readings: the sink, its outbox, topic layouts and Home Assistant discovery. */
package io.github.solarwire.mqtt;
