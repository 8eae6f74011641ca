package live.harvest.orders.order;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.orders.support.Fixtures;
import live.harvest.platform.event.EventEnvelope;
import live.harvest.platform.event.Topics;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import live.harvest.platform.event.orders.OrderEvents.OrderCancelled;
import live.harvest.platform.event.orders.OrderEvents.OrderExpired;
import live.harvest.platform.event.orders.OrderEvents.ReturnedLine;
import live.harvest.platform.event.orders.OrderEvents.StockReturn;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static live.harvest.orders.support.Fixtures.cancel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cancelled and expired orders give their units back: to the live pool while open, else to catalog. */
@QuarkusTest
class StockReturnTest {

    @Inject
    Fixtures fixtures;

    @Inject
    ExpiryJob expiry;

    @Test
    void cancellingReturnsUnitsToTheOpenPoolAndTheEventSaysSo() {
        // Given a buyer who took 2 of 5 units
        OfferOpened offer = fixtures.openOffer(5, 2, 700);
        UUID buyer = UUID.randomUUID();
        UUID orderId = Fixtures.buy(buyer, offer.offerId(), 2);
        assertEquals(3, fixtures.unitsLeft(offer.offerId()));
        try (KafkaProbe orders = KafkaProbe.watch(Topics.ORDERS)) {
            // When they cancel
            cancel(buyer, orderId).then().statusCode(200).body("status", equalTo("CANCELLED"));

            // Then the units are back in the pool, their allowance too, and OrderCancelled says OFFER
            assertEquals(5, fixtures.unitsLeft(offer.offerId()));
            Fixtures.buy(buyer, offer.offerId(), 2);
            EventEnvelope cancelled = orders.awaitEvent("orders.order-cancelled",
                    e -> e.aggregateId().equals(orderId.toString()));
            ReturnedLine line = KafkaProbe.payload(cancelled, OrderCancelled.class).returned().get(0);
            assertEquals(new ReturnedLine(offer.skuId(), offer.offerId(), 2, StockReturn.OFFER), line);
        }
    }

    @Test
    void cancellingAfterTheOfferClosedReturnsUnitsToCatalog() {
        // Given an order whose offer has since been closed and drained
        OfferOpened offer = fixtures.openOffer(5, 2, 700);
        UUID buyer = UUID.randomUUID();
        UUID orderId = Fixtures.buy(buyer, offer.offerId(), 1);
        fixtures.closeOffer(offer);
        fixtures.awaitPoolState(offer.offerId(), "drained");
        try (KafkaProbe orders = KafkaProbe.watch(Topics.ORDERS)) {
            // When the buyer cancels
            cancel(buyer, orderId).then().statusCode(200);

            // Then the drained pool stays empty and the event hands the unit to catalog
            assertEquals(0, fixtures.unitsLeft(offer.offerId()));
            EventEnvelope cancelled = orders.awaitEvent("orders.order-cancelled",
                    e -> e.aggregateId().equals(orderId.toString()));
            assertEquals(StockReturn.CATALOG,
                    KafkaProbe.payload(cancelled, OrderCancelled.class).returned().get(0).returnedTo());
        }
    }

    @Test
    void anUnpaidOrderExpiresAfterItsWindowAndReturnsItsUnits() {
        // Given an unpaid order for 2 units
        OfferOpened offer = fixtures.openOffer(5, 2, 700);
        UUID buyer = UUID.randomUUID();
        UUID orderId = Fixtures.buy(buyer, offer.offerId(), 2);
        try (KafkaProbe orders = KafkaProbe.watch(Topics.ORDERS)) {
            // When the expiry job runs before the window ends, nothing happens
            expiry.expireDue(Instant.now());
            status(buyer, orderId, "PENDING_PAYMENT");

            // When it runs as of 16 minutes later (the window is 15)
            assertTrue(expiry.expireDue(Instant.now().plus(Duration.ofMinutes(16))) >= 1);

            // Then the order is EXPIRED, the units are back and OrderExpired says OFFER
            status(buyer, orderId, "EXPIRED");
            assertEquals(5, fixtures.unitsLeft(offer.offerId()));
            EventEnvelope expired = orders.awaitEvent("orders.order-expired",
                    e -> e.aggregateId().equals(orderId.toString()));
            assertEquals(StockReturn.OFFER,
                    KafkaProbe.payload(expired, OrderExpired.class).returned().get(0).returnedTo());
        }
    }

    @Test
    void anotherBuyerCannotCancelMyOrder() {
        OfferOpened offer = fixtures.openOffer(5, 2, 700);
        UUID orderId = Fixtures.buy(UUID.randomUUID(), offer.offerId(), 1);
        cancel(UUID.randomUUID(), orderId).then().statusCode(404);
        assertEquals(4, fixtures.unitsLeft(offer.offerId()));
    }

    private static void status(UUID buyer, UUID orderId, String status) {
        given().auth().oauth2(Tokens.consumer(buyer)).get("/api/v1/orders/{id}", orderId).then()
                .statusCode(200).body("status", equalTo(status));
    }
}
