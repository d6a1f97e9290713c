/**
 * The solarwire core: the model every protocol module speaks (units, metrics, readings, devices,
 * sinks) and the pipeline that runs devices into sinks.
 */
module io.github.solarwire.core {
    requires org.slf4j;

    exports io.github.solarwire.core;
    exports io.github.solarwire.core.recorder;
    exports io.github.solarwire.core.sink;
    exports io.github.solarwire.core.sim;
}
