/** Publishes solarwire readings to MQTT, with a lossless outbox and Home Assistant discovery. */
module io.github.solarwire.mqtt {
    requires transitive io.github.solarwire.core;
    requires com.hivemq.client.mqtt;
    requires org.slf4j;
    requires com.fasterxml.jackson.core;

    exports io.github.solarwire.mqtt;
}
