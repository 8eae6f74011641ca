package live.harvest.catalog.stock;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import live.harvest.catalog.Fixtures;
import live.harvest.catalog.Fixtures.Listing;
import live.harvest.platform.event.DomainEvent;
import live.harvest.platform.event.EventCodec;
import live.harvest.platform.event.Topics;
import live.harvest.platform.event.orders.OrderEvents.OfferPoolDrained;
import live.harvest.platform.event.orders.OrderEvents.OrderCancelled;
import live.harvest.platform.event.orders.OrderEvents.OrderExpired;
import live.harvest.platform.event.orders.OrderEvents.DeliveryAddress;
import live.harvest.platform.event.orders.OrderEvents.OrderPaid;
import live.harvest.platform.event.orders.OrderEvents.OrderPlaced;
import live.harvest.platform.event.orders.OrderEvents.OrderRefunded;
import live.harvest.platform.event.orders.OrderEvents.ReturnedLine;
import live.harvest.platform.event.orders.OrderEvents.StockReturn;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Problems;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OrderEventsConsumerTest {

    private static final DeliveryAddress ADDRESS = new DeliveryAddress("Wang Fang", "13800138000", "330127",
            "330127100", null, "No. 8 Lakeside Road");

    @Inject
    EventCodec codec;

    @Test
    void aDrainedPoolIsReleasedOnceEvenWhenTheEventComesTwice() {
        try (KafkaProbe catalog = KafkaProbe.watch(Topics.CATALOG)) {
            // Given two offers holding 30 and 10 units of 100
            Listing listing = Fixtures.listing(3000, 100);
            UUID offer = allocate(listing, 30);
            UUID marker = allocate(listing, 10);
            String key = offer.toString();

            // When the first offer's pool drains with 12 unsold: the same event twice, then a second event for it
            String drained = envelope(new OfferPoolDrained(offer, UUID.randomUUID(), listing.sellerId(),
                    listing.productId(), listing.skuId(), 12));
            KafkaProbe.send(Topics.ORDERS, key, drained);
            KafkaProbe.send(Topics.ORDERS, key, drained);
            KafkaProbe.send(Topics.ORDERS, key, envelope(new OfferPoolDrained(offer, UUID.randomUUID(),
                    listing.sellerId(), listing.productId(), listing.skuId(), 12)));
            // and then the marker offer drains too, on the same partition, so we know the others were consumed
            KafkaProbe.send(Topics.ORDERS, key, envelope(new OfferPoolDrained(marker, UUID.randomUUID(),
                    listing.sellerId(), listing.productId(), listing.skuId(), 1)));

            // Then exactly one release of 12 was recorded for the offer: 100 - 30 - 10 + 12 + 1
            await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.onHand(listing) == 73);
            assertEquals(1, movements(listing, "RELEASE", offer));
            catalog.awaitEvent("catalog.stock-released", e -> offer.toString().equals(
                    e.payload().path("offerId").asText()) && e.payload().path("quantity").asInt() == 12);
        }
    }

    @Test
    void cancelledAndExpiredOrdersReturnCatalogLinesOnly() {
        // Given a reservation of 4 and an offer holding 10
        Listing listing = Fixtures.listing(3000, 50);
        UUID buyer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        Fixtures.asService("harvest-orders")
                .body(Map.of("orderId", order, "buyerId", buyer, "skuId", listing.skuId(), "quantity", 4))
                .post("/api/v1/stock/reservations").then().statusCode(201);
        UUID offer = allocate(listing, 10);
        String key = order.toString();

        // When the order is cancelled (its line returned to catalog, twice) and another order of an unknown SKU
        // and an offer line returned to the offer's pool come along
        String cancelled = envelope(new OrderCancelled(order, buyer, listing.sellerId(), null, 12000, false,
                "buyer", List.of(new ReturnedLine(listing.skuId(), null, 4, StockReturn.CATALOG))));
        KafkaProbe.send(Topics.ORDERS, key, cancelled);
        KafkaProbe.send(Topics.ORDERS, key, cancelled);
        KafkaProbe.send(Topics.ORDERS, key, envelope(new OrderCancelled(UUID.randomUUID(), buyer, listing.sellerId(),
                null, 100, false, "buyer", List.of(new ReturnedLine(UUID.randomUUID(), null, 7, StockReturn.CATALOG),
                new ReturnedLine(listing.skuId(), offer, 2, StockReturn.OFFER)))));
        // and then an expired order of the offer, whose pool already drained, returns 3 units to catalog
        KafkaProbe.send(Topics.ORDERS, key, envelope(new OrderExpired(UUID.randomUUID(), buyer, listing.sellerId(),
                UUID.randomUUID(), 9000, List.of(new ReturnedLine(listing.skuId(), offer, 3, StockReturn.CATALOG)))));

        // Then 4 came back once and 3 from the expiry: 50 - 4 - 10 + 4 + 3
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.onHand(listing) == 43);
        assertEquals(2, movements(listing, "CANCELLATION_RETURN", null));
        // and withdrawing the already-returned reservation gives nothing back a second time
        Fixtures.asService("harvest-orders").delete("/api/v1/stock/reservations/{id}", order).then().statusCode(204);
        assertEquals(43, Fixtures.onHand(listing));
    }

    @Test
    void givenPaidOrders_whenRefundedBeforeAndAfterDispatch_thenOnlyTheLinesReturnedBeforeDispatchComeBackOnce() {
        // Given two paid orders of a listing of 50: A reserved 4 units, B reserved 5 (orders.order-paid consumed)
        Listing listing = Fixtures.listing(3000, 50);
        UUID buyer = UUID.randomUUID();
        UUID a = reservePaid(listing, buyer, 4);
        UUID b = reservePaid(listing, buyer, 5);
        String key = a.toString();

        // When A is refunded before dispatch (its line returned to catalog; the event comes twice), and B after
        // delivery (nothing returned: the goods travel back on a return leg, ADR 0018)
        String refundedA = envelope(new OrderRefunded(a, buyer, listing.sellerId(), null, 12000, "CNY", "farm",
                List.of(new ReturnedLine(listing.skuId(), null, 4, StockReturn.CATALOG))));
        KafkaProbe.send(Topics.ORDERS, key, refundedA);
        KafkaProbe.send(Topics.ORDERS, key, refundedA);
        KafkaProbe.send(Topics.ORDERS, key, envelope(new OrderRefunded(b, buyer, listing.sellerId(), null, 15000,
                "CNY", "spoiled", List.of())));
        // and a marker cancellation on the same partition returns 1 unit, so we know the others were consumed
        UUID marker = reservePaid(listing, buyer, 1);
        KafkaProbe.send(Topics.ORDERS, key, envelope(new OrderCancelled(marker, buyer, listing.sellerId(), null,
                3000, true, "marker", List.of(new ReturnedLine(listing.skuId(), null, 1, StockReturn.CATALOG)))));

        // Then A's 4 units came back once, B's stay sold: 50 - 4 - 5 - 1 + 4 + 1
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.onHand(listing) == 45);
        assertEquals(2, movements(listing, "CANCELLATION_RETURN", null));
        // and B's reservation stays confirmed, not made due for the reconciler
        StockReservation kept = QuarkusTransaction.requiringNew().call(() ->
                StockReservation.findById(new StockReservation.Key(b, listing.skuId())));
        assertEquals(StockReservation.Status.RESERVED, kept.status);
        assertEquals(null, kept.orderEndedAt);
    }

    @Test
    void givenAnOrderThatHoldsItsReservationWhenAnyoneWithdrawsItThenRefusedAndTheUnitsAreNotCountedTwice() {
        // Regression (identity issue): a buyer withdrew his own open order's units while the order stayed payable,
        // so 6 units were paid for on a SKU of 3. Given the whole stock of 3 reserved for an order...
        Listing listing = Fixtures.listing(3000, 3);
        UUID buyer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        Fixtures.asService("harvest-orders")
                .body(Map.of("orderId", order, "buyerId", buyer, "skuId", listing.skuId(), "quantity", 3))
                .post("/api/v1/stock/reservations").then().statusCode(201);
        // ...and the order written (orders.order-placed consumed)
        KafkaProbe.send(Topics.ORDERS, order.toString(), envelope(new OrderPlaced(order, buyer, listing.sellerId(),
                null, List.of(), 9000, "CNY", Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                StockReservation.<StockReservation>findById(new StockReservation.Key(order, listing.skuId()))
                        .heldByOrderAt != null));

        // When the buyer tries to withdraw it, and when even the orders service does
        Problems.assertProblem(Fixtures.asConsumer(buyer)
                .delete("/api/v1/stock/reservations/{id}", order).then(), 403);
        Problems.assertProblem(Fixtures.asService("harvest-orders")
                .delete("/api/v1/stock/reservations/{id}", order).then(), 409)
                .body("type", equalTo("https://harvest.live/problems/reservation-held-by-order"));

        // Then the units stay with the order: nothing came back to stock
        assertEquals(0, Fixtures.onHand(listing));
        assertEquals(0, movements(listing, "CANCELLATION_RETURN", null));
    }

    /** A reservation of {@code quantity} for a new order, which orders then reports paid; returns the order id. */
    private UUID reservePaid(Listing listing, UUID buyer, int quantity) {
        UUID order = UUID.randomUUID();
        Fixtures.asService("harvest-orders")
                .body(Map.of("orderId", order, "buyerId", buyer, "skuId", listing.skuId(), "quantity", quantity))
                .post("/api/v1/stock/reservations").then().statusCode(201);
        KafkaProbe.send(Topics.ORDERS, order.toString(), envelope(new OrderPaid(order, buyer, listing.sellerId(),
                null, null, "pay-" + order, 3000L * quantity, "CNY", List.of(), null, ADDRESS, Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                StockReservation.<StockReservation>findById(new StockReservation.Key(order, listing.skuId()))
                        .paidAt != null));
        return order;
    }

    private UUID allocate(Listing listing, int quantity) {
        UUID offerId = UUID.randomUUID();
        Fixtures.asService("harvest-livestream")
                .body(Map.of("offerId", offerId, "sellerId", listing.sellerId(), "quantity", quantity))
                .post("/api/v1/skus/{id}/allocations", listing.skuId()).then().statusCode(201);
        return offerId;
    }

    private String envelope(DomainEvent event) {
        return codec.toJson(codec.wrap(event, "0".repeat(32)));
    }

    private static long movements(Listing listing, String kind, UUID offerId) {
        Response ledger = Fixtures.asSeller(listing.sellerId())
                .get("/api/v1/skus/{id}/ledger?size=100", listing.skuId());
        List<Map<String, Object>> movements = ledger.path("movements");
        return movements.stream()
                .filter(m -> kind.equals(m.get("kind")))
                .filter(m -> offerId == null || offerId.toString().equals(m.get("offerId")))
                .count();
    }
}
