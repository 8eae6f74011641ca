package live.harvest.catalog.stock;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import live.harvest.catalog.Fixtures;
import live.harvest.catalog.Fixtures.Listing;
import live.harvest.platform.event.DomainEvent;
import live.harvest.platform.event.EventCodec;
import live.harvest.platform.event.Topics;
import live.harvest.platform.event.orders.OrderEvents.OrderCancelled;
import live.harvest.platform.event.orders.OrderEvents.OrderPlaced;
import live.harvest.platform.event.orders.OrderEvents.ReturnedLine;
import live.harvest.platform.event.orders.OrderEvents.StockReturn;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Problems;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 12: reservations with a lifetime. The scheduled reconciler runs every second in tests. */
@QuarkusTest
class ReservationExpiryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EventCodec codec;
    @Inject
    ReservationReconciler reconciler;
    @Inject
    MeterRegistry metrics;

    @Test
    void givenAReservationWhoseOrderNeverCame_whenItsLifetimePasses_thenTheUnitsReturnExactlyOnce() {
        // Regression (issue 12): orders crashed between reserve and compensate; the 4 units stayed locked for good.
        Listing listing = Fixtures.listing(2600, 10);
        UUID buyer = UUID.randomUUID();
        UUID order = reserve(listing, buyer, 4);
        assertEquals(6, Fixtures.onHand(listing));
        assertTrue(line(order, listing).expiresAt.isAfter(Instant.now().plus(Duration.ofMinutes(15))),
                "a fresh reservation lives the configured 16 minutes");
        double releasedBefore = released(ReleaseRule.Reason.LIFETIME_PASSED);

        // When its lifetime passes with no order-placed
        expireNow(order);

        // Then the scheduled reconciler gives the 4 back...
        await().atMost(WAIT).until(() -> line(order, listing).status == StockReservation.Status.EXPIRED);
        assertEquals(10, Fixtures.onHand(listing));
        // ...exactly once: more sweeps, a withdrawal by orders and a retried reserve change nothing
        reconciler.releaseDue(Instant.now());
        reconciler.releaseDue(Instant.now());
        Fixtures.asService("harvest-orders").delete("/api/v1/stock/reservations/{id}", order).then().statusCode(204);
        Problems.assertProblem(Fixtures.asService("harvest-orders")
                .body(Map.of("orderId", order, "buyerId", buyer, "skuId", listing.skuId(), "quantity", 4))
                .post("/api/v1/stock/reservations").then(), 409)
                .body("type", equalTo("https://harvest.live/problems/reservation-mismatch"));
        assertEquals(10, Fixtures.onHand(listing));
        assertEquals(1, returns(listing));
        assertLedgerBalances(listing);
        // and the metric counted what was released
        await().atMost(WAIT).until(() -> released(ReleaseRule.Reason.LIFETIME_PASSED) >= releasedBefore + 1);
    }

    @Test
    void givenAReservationHeldByItsOrder_whenItsLifetimePasses_thenItIsNotReleased() {
        Listing listing = Fixtures.listing(2600, 5);
        UUID buyer = UUID.randomUUID();
        UUID order = reserve(listing, buyer, 5);
        send(order, new OrderPlaced(order, buyer, listing.sellerId(), null, List.of(), 13000, "CNY", Instant.now()));
        await().atMost(WAIT).until(() -> line(order, listing).heldByOrderAt != null);

        // When its lifetime passes and a sweep runs
        expireNow(order);
        reconciler.releaseDue(Instant.now());

        // Then the order still holds all 5 units
        assertEquals(StockReservation.Status.RESERVED, line(order, listing).status);
        assertEquals(0, Fixtures.onHand(listing));
        assertEquals(0, returns(listing));
    }

    @Test
    void givenAnExpiredReservation_whenItsOrderIsPlacedLate_thenItGetsNoStockAndTheLateOrderIsRecorded() {
        Listing listing = Fixtures.listing(2600, 8);
        UUID buyer = UUID.randomUUID();
        UUID order = reserve(listing, buyer, 3);
        expireNow(order);
        await().atMost(WAIT).until(() -> line(order, listing).status == StockReservation.Status.EXPIRED);
        double lateBefore = metrics.counter(ReservationMetrics.LATE_ORDERS).count();

        // When the order shows up after all, and later is cancelled with its line "returned"
        send(order, new OrderPlaced(order, buyer, listing.sellerId(), null, List.of(), 7800, "CNY", Instant.now()));
        await().atMost(WAIT).until(() -> line(order, listing).lateOrderAt != null);
        send(order, new OrderCancelled(order, buyer, listing.sellerId(), null, 7800, false, "payment window",
                List.of(new ReturnedLine(listing.skuId(), null, 3, StockReturn.CATALOG))));
        await().atMost(WAIT).until(() -> line(order, listing).orderEndedAt != null);

        // Then the late order holds nothing, was counted, and its cancellation returned nothing a second time
        StockReservation line = line(order, listing);
        assertNull(line.heldByOrderAt);
        assertEquals(StockReservation.Status.EXPIRED, line.status);
        assertEquals(8, Fixtures.onHand(listing));
        assertEquals(1, returns(listing));
        await().atMost(WAIT).until(() -> metrics.counter(ReservationMetrics.LATE_ORDERS).count() >= lateBefore + 1);
    }

    @Test
    void givenAnOrderThatEndedWithoutReturningItsLine_whenTheReconcilerRuns_thenTheLineComesBackOnce() {
        Listing listing = Fixtures.listing(2600, 6);
        UUID buyer = UUID.randomUUID();
        UUID order = reserve(listing, buyer, 2);
        send(order, new OrderPlaced(order, buyer, listing.sellerId(), null, List.of(), 5200, "CNY", Instant.now()));
        await().atMost(WAIT).until(() -> line(order, listing).heldByOrderAt != null);

        // When the order is cancelled by an event that lists no returned lines
        send(order, new OrderCancelled(order, buyer, listing.sellerId(), null, 5200, false, "buyer", List.of()));

        // Then the reconciler gives the 2 back, once
        await().atMost(WAIT).until(() -> line(order, listing).status == StockReservation.Status.EXPIRED);
        reconciler.releaseDue(Instant.now());
        assertEquals(6, Fixtures.onHand(listing));
        assertEquals(1, returns(listing));
    }

    @Test
    void givenManyExpiredReservations_whenTwoSweepsRunAtOnce_thenEachComesBackExactlyOnce() throws Exception {
        Listing listing = Fixtures.listing(2600, 100);
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            orders.add(reserve(listing, UUID.randomUUID(), 2));
        }
        assertEquals(60, Fixtures.onHand(listing));

        // When all expire and two sweeps (think two catalog instances) start together, besides the scheduled one
        CountDownLatch start = new CountDownLatch(1);
        QuarkusTransaction.requiringNew().run(() -> StockReservation.update(
                "expiresAt = ?1 where key.orderId in ?2", Instant.now().minusSeconds(1), orders));
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> sweepAfter(start));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> sweepAfter(start));
        start.countDown();
        int byBoth = first.get() + second.get();

        // Then every reservation came back exactly once, whoever took it
        await().atMost(WAIT).until(() -> Fixtures.onHand(listing) == 100);
        assertTrue(byBoth <= 20, "the two sweeps released " + byBoth);
        assertEquals(20, returns(listing));
        for (UUID order : orders) {
            assertEquals(StockReservation.Status.EXPIRED, line(order, listing).status);
        }
        assertLedgerBalances(listing);
    }

    private int sweepAfter(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return reconciler.releaseDue(Instant.now());
    }

    private UUID reserve(Listing listing, UUID buyer, int quantity) {
        UUID order = UUID.randomUUID();
        Fixtures.asService("harvest-orders")
                .body(Map.of("orderId", order, "buyerId", buyer, "skuId", listing.skuId(), "quantity", quantity))
                .post("/api/v1/stock/reservations").then().statusCode(201);
        return order;
    }

    /** The lifetime is 16 minutes; tests move a reservation's expiry into the past instead of waiting. */
    private static void expireNow(UUID order) {
        int updated = QuarkusTransaction.requiringNew().call(() -> StockReservation.update(
                "expiresAt = ?1 where key.orderId = ?2", Instant.now().minusSeconds(1), order));
        assertEquals(1, updated);
    }

    private static StockReservation line(UUID order, Listing listing) {
        StockReservation line = QuarkusTransaction.requiringNew().call(() ->
                StockReservation.<StockReservation>findById(new StockReservation.Key(order, listing.skuId())));
        assertNotNull(line);
        return line;
    }

    private void send(UUID order, DomainEvent event) {
        KafkaProbe.send(Topics.ORDERS, order.toString(), codec.toJson(codec.wrap(event, "0".repeat(32))));
    }

    private double released(ReleaseRule.Reason reason) {
        return metrics.counter(ReservationMetrics.RELEASED, "reason", reason.tag).count();
    }

    private static long returns(Listing listing) {
        return movements(listing, m -> "CANCELLATION_RETURN".equals(m.get("kind")));
    }

    private static long movements(Listing listing, Predicate<Map<String, Object>> which) {
        Response ledger = Fixtures.asSeller(listing.sellerId())
                .get("/api/v1/skus/{id}/ledger?size=500", listing.skuId());
        List<Map<String, Object>> movements = ledger.path("movements");
        return movements.stream().filter(which).count();
    }

    private static void assertLedgerBalances(Listing listing) {
        Response ledger = Fixtures.asSeller(listing.sellerId()).get("/api/v1/skus/{id}/ledger", listing.skuId());
        assertEquals(((Number) ledger.path("onHand")).longValue(), ((Number) ledger.path("sumOfDeltas")).longValue());
    }
}
