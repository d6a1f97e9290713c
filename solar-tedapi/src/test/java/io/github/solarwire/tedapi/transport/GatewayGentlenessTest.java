package io.github.solarwire.tedapi.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One request in flight, and the cool-down after 429 or 503, against a {@link TestGateway}. */
class GatewayGentlenessTest {

    private static final Instant START = Instant.parse("2026-11-30T12:00:00Z");

    @RegisterExtension
    final TestGateway gateway = new TestGateway();

    private final MutableClock clock = new MutableClock(START);

    private static FullHttpResponse busy(HttpResponseStatus status, String retryAfter) {
        FullHttpResponse r = TestGateway.response(status, "");
        if (retryAfter != null) {
            r.headers().set("Retry-After", retryAfter);
        }
        return r;
    }

    /** Until exactly {@code n} callers wait for their turn: a blocked caller gives no other sign. */
    private static void awaitWaiting(GatewayConnection gw, int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (gw.waiting() != n) {
            assertTrue(System.nanoTime() < deadline, gw.waiting() + " callers wait, not " + n);
            Thread.onSpinWait();
        }
    }

    @Test
    void eightConcurrentCallersAreServedOneAtATime() throws Exception {
        int callers = 8;
        gateway.hold = true;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try (GatewayConnection gw = gateway.connection().build()) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> dins = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                dins.add(pool.submit(() -> {
                    go.await();
                    return gw.din();
                }));
            }
            go.countDown();
            TestGateway.Held first = gateway.nextHeld();
            awaitWaiting(gw, callers - 1);
            assertEquals(1, gateway.received.get());
            gateway.answer(first, TestGateway.response(HttpResponseStatus.OK, TestGateway.DIN));
            for (int i = 1; i < callers; i++) {
                TestGateway.Held next = gateway.nextHeld();
                assertEquals(1, gateway.answering.get());
                gateway.answer(next, TestGateway.response(HttpResponseStatus.OK, TestGateway.DIN));
            }
            for (Future<String> din : dins) {
                assertEquals(TestGateway.DIN, din.get(10, TimeUnit.SECONDS));
            }
            assertEquals(callers, gateway.received.get());
            assertEquals(1, gateway.mostAnsweringAtOnce.get());
            assertEquals(callers, gw.requests());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void http429StartsACoolDownDuringWhichNothingIsSent() throws Exception {
        gateway.http = r -> busy(HttpResponseStatus.TOO_MANY_REQUESTS, null);
        try (GatewayConnection gw = gateway.connection().clock(clock).build()) {
            GatewayBusyException first = assertThrows(GatewayBusyException.class, gw::din);
            assertEquals(START.plus(Duration.ofMinutes(5)), first.until());
            assertTrue(first.getMessage().contains("HTTP 429"), first.getMessage());
            assertEquals(1, gw.coolDowns());
            assertEquals(1, gateway.received.get());

            gateway.http = TestGateway::gateway;
            clock.advance(Duration.ofMinutes(5).minusSeconds(1));
            GatewayBusyException again = assertThrows(GatewayBusyException.class, gw::din);
            assertEquals(first.until(), again.until());
            assertTrue(again.getMessage().contains("not sent"), again.getMessage());
            assertThrows(GatewayBusyException.class, () -> gw.post("/tedapi/v1", new byte[1]));
            assertThrows(GatewayBusyException.class, gw::probe);
            assertEquals(1, gateway.received.get());
            assertEquals(1, gw.requests());

            clock.advance(Duration.ofSeconds(1));
            assertEquals(TestGateway.DIN, gw.din());
            assertEquals(2, gateway.received.get());
            assertEquals(1, gw.coolDowns());
        }
    }

    @Test
    void aLongerRetryAfterWinsAndAShorterOneDoesNot() throws Exception {
        try (GatewayConnection gw = gateway.connection().clock(clock).build()) {
            gateway.http = r -> busy(HttpResponseStatus.TOO_MANY_REQUESTS, "600");
            assertEquals(
                    START.plusSeconds(600),
                    assertThrows(GatewayBusyException.class, gw::din).until());

            clock.advance(Duration.ofSeconds(600));
            gateway.http = r -> busy(HttpResponseStatus.TOO_MANY_REQUESTS, "60");
            assertEquals(
                    START.plusSeconds(600).plus(Duration.ofMinutes(5)),
                    assertThrows(GatewayBusyException.class, gw::din).until());

            clock.advance(Duration.ofMinutes(5));
            gateway.http = r -> busy(HttpResponseStatus.SERVICE_UNAVAILABLE, "Mon, 30 Nov 2026 13:00:00 GMT");
            assertEquals(
                    Instant.parse("2026-11-30T13:00:00Z"),
                    assertThrows(GatewayBusyException.class, gw::din).until());
            assertEquals(3, gw.coolDowns());
            assertEquals(3, gateway.received.get());
        }
    }

    @Test
    void http503CoolsDownForTheConfiguredTime() throws Exception {
        gateway.http = r -> busy(HttpResponseStatus.SERVICE_UNAVAILABLE, "not a number");
        try (GatewayConnection gw = gateway.connection()
                .coolDown(Duration.ofSeconds(30))
                .clock(clock)
                .build()) {
            GatewayBusyException e = assertThrows(GatewayBusyException.class, () -> gw.post("/tedapi/v1", new byte[1]));
            assertEquals(START.plusSeconds(30), e.until());
            assertTrue(
                    e.getMessage().startsWith("POST https://" + gateway.host() + "/tedapi/v1: HTTP 503"),
                    e.getMessage());

            gateway.http = TestGateway::gateway;
            clock.advance(Duration.ofSeconds(30));
            assertEquals(200, gw.probe());
        }
    }

    @Test
    void callersQueuedBehindA429AreTurnedAwayWithoutSending() throws Exception {
        gateway.hold = true;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (GatewayConnection gw = gateway.connection().clock(clock).build()) {
            Future<String> first = pool.submit(gw::din);
            TestGateway.Held held = gateway.nextHeld();
            Future<String> second = pool.submit(gw::din);
            awaitWaiting(gw, 1);
            gateway.answer(held, busy(HttpResponseStatus.TOO_MANY_REQUESTS, null));
            for (Future<String> f : List.of(first, second)) {
                Exception e = assertThrows(Exception.class, () -> f.get(10, TimeUnit.SECONDS));
                assertTrue(e.getCause() instanceof GatewayBusyException, String.valueOf(e.getCause()));
            }
            assertEquals(1, gateway.received.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCallerInterruptedWhileWaitingGivesUpWithoutSending() throws Exception {
        gateway.hold = true;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (GatewayConnection gw = gateway.connection().build()) {
            Future<String> first = pool.submit(gw::din);
            TestGateway.Held held = gateway.nextHeld();
            AtomicReference<Throwable> secondFailed = new AtomicReference<>();
            Thread second = new Thread(() -> {
                try {
                    gw.din();
                } catch (IOException e) {
                    secondFailed.set(e);
                }
            });
            second.start();
            awaitWaiting(gw, 1);
            second.interrupt();
            second.join();
            assertInstanceOf(InterruptedIOException.class, secondFailed.get());
            assertTrue(secondFailed.get().getMessage().endsWith("interrupted while waiting for the gateway"));
            gateway.answer(held, TestGateway.response(HttpResponseStatus.OK, TestGateway.DIN));
            assertEquals(TestGateway.DIN, first.get(10, TimeUnit.SECONDS));
            assertEquals(1, gateway.received.get());
            assertEquals(1, gw.requests());
        } finally {
            pool.shutdownNow();
        }
    }
}
