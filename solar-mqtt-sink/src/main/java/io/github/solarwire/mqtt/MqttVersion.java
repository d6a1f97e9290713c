package io.github.solarwire.mqtt;

/** The MQTT protocol version a sink speaks. */
public enum MqttVersion {
    /** MQTT 3.1.1: every broker has it, including old ones. */
    MQTT_3_1_1,
    /** MQTT 5: reason codes on acknowledgements, so a refused publish is told apart. The default. */
    MQTT_5
}
