package io.github.solarwire.pi30.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.pi30.codec.Pi30Ack;
import io.github.solarwire.pi30.codec.Pi30Command;
import io.github.solarwire.pi30.codec.Pi30Commands;
import io.github.solarwire.pi30.codec.Pi30Frame;
import io.github.solarwire.pi30.codec.Pi30NakException;
import io.github.solarwire.pi30.codec.Pi30Protocol;
import io.github.solarwire.pi30.codec.Pi30Queries;
import io.github.solarwire.pi30.codec.QpigsResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The simulator's replies decode with the real codec, at every hour of a day, and its faults show. */
class SimulatedPi30Test {

    private static final List<String> QUERIES = List.of(
            "QPI",
            "QID",
            "QVFW",
            "QMN",
            "QGMN",
            "QPIRI",
            "QFLAG",
            "QDI",
            "QMCHGCR",
            "QMUCHGCR",
            "QPIWS",
            "QMOD",
            "QPIGS",
            "QPGS0");

    private static SimulatedPi30 at(Pi30Protocol protocol, String time) {
        return new SimulatedPi30(protocol, Clock.fixed(Instant.parse(time), ZoneOffset.UTC), 1);
    }

    private static Object ask(SimulatedPi30 sim, Pi30Command<?> command) throws ProtocolException {
        return command.decode(sim.respond(command.request().frame()).bytes());
    }

    @ParameterizedTest
    @EnumSource(Pi30Protocol.class)
    void everyQueryItKnowsDecodesAtEveryHour(Pi30Protocol protocol) throws Exception {
        for (int hour = 0; hour < 24; hour++) {
            SimulatedPi30 sim = at(protocol, String.format("2026-06-21T%02d:17:00Z", hour));
            for (String q : QUERIES) {
                ask(sim, Pi30Commands.parse(q, protocol));
            }
            if (protocol == Pi30Protocol.PI30MAX) {
                ask(sim, Pi30Queries.of(protocol).qpigs2());
            } else {
                assertThrows(
                        Pi30NakException.class,
                        () -> ask(sim, Pi30Queries.of(protocol).qpigs2()));
            }
        }
    }

    @Test
    void itMakesPowerByDayAndNoneAtNight() throws Exception {
        Pi30Command<QpigsResponse> qpigs = Pi30Queries.of(Pi30Protocol.PI30).qpigs();
        QpigsResponse noon = qpigs.decode(at(Pi30Protocol.PI30, "2026-06-21T11:00:00Z")
                .respond(qpigs.request().frame())
                .bytes());
        QpigsResponse night = qpigs.decode(at(Pi30Protocol.PI30, "2026-06-21T23:00:00Z")
                .respond(qpigs.request().frame())
                .bytes());
        assertTrue(noon.pv1ChargingPower() > 2000, "noon PV " + noon.pv1ChargingPower());
        assertEquals(0, night.pv1ChargingPower());
        assertTrue(night.acOutputActivePower() > 0, "the load is there at night too");
    }

    @Test
    void settingsAreAcknowledgedAndUnknownCommandsRefused() throws Exception {
        SimulatedPi30 sim = at(Pi30Protocol.PI30, "2026-06-21T11:00:00Z");
        assertEquals(Pi30Ack.ACK, ask(sim, Pi30Commands.parse("POP02", Pi30Protocol.PI30)));
        assertEquals(Pi30Ack.ACK, ask(sim, Pi30Commands.parse("PCP03", Pi30Protocol.PI30)));
        assertThrows(
                Pi30NakException.class,
                () -> ask(sim, Pi30Queries.of(Pi30Protocol.PI30).qbms()));
    }

    @Test
    void injectedFaultsShowOnTheNextRepliesThenStop() throws Exception {
        SimulatedPi30 sim = at(Pi30Protocol.PI30, "2026-06-21T11:00:00Z");
        Pi30Command<?> qmod = Pi30Queries.of(Pi30Protocol.PI30).qmod();
        byte[] request = qmod.request().frame();
        sim.inject(Fault.NAK, 1);
        sim.inject(Fault.BAD_CRC, 1);
        sim.inject(Fault.GARBAGE, 1);
        sim.inject(Fault.TRUNCATED, 1);
        sim.inject(Fault.SILENCE, 1);
        sim.inject(Fault.SLOW, 1);
        assertThrows(
                Pi30NakException.class, () -> qmod.decode(sim.respond(request).bytes()));
        assertThrows(
                ProtocolException.class,
                () -> Pi30Frame.parse(sim.respond(request).bytes()),
                "bad CRC");
        assertThrows(
                ProtocolException.class,
                () -> Pi30Frame.parse(sim.respond(request).bytes()),
                "garbage");
        byte[] truncated = sim.respond(request).bytes();
        assertTrue(truncated.length > 0 && truncated[truncated.length - 1] != '\r', "no CR");
        assertEquals(0, sim.respond(request).bytes().length, "silence");
        SimulatedPi30.Reply slow = sim.respond(request);
        assertTrue(slow.slow());
        qmod.decode(slow.bytes());
        SimulatedPi30.Reply normal = sim.respond(request);
        assertFalse(normal.slow());
        qmod.decode(normal.bytes());
        assertEquals(7, sim.requests());
    }
}
