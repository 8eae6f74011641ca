package live.harvest.orders.shipment;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.orders.support.Fixtures;
import live.harvest.orders.support.PaymentCalls;
import live.harvest.platform.event.Topics;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentArrivedAtStation;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentDelivered;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentDispatched;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentOutForDelivery;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentRouted;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentRoutingFailed;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ShipmentProgressTest {

    @Inject
    Fixtures fixtures;

    @Test
    void shipmentEventsMoveAPaidOrderForwardAndALateOlderEventDoesNotMoveItBack() {
        // Given a paid order and its shipment
        Paid order = paidOrder();
        UUID shipment = UUID.randomUUID();
        Instant t = Instant.now();

        // When logistics reports routed, dispatched, arrived at the station
        fixtures.send(new ShipmentRouted(shipment, order.id, "CTR-330127", "CTR-330127", "STN-330127100", false, t));
        fixtures.send(new ShipmentDispatched(shipment, order.id, UUID.randomUUID(), "van-1", "STN-330127100",
                t.plusSeconds(60)));
        fixtures.send(new ShipmentArrivedAtStation(shipment, order.id, "STN-330127100", t.plusSeconds(120)));

        // Then the order is AT_STATION
        awaitStatus(order, "AT_STATION");

        // When a duplicate of an older stage arrives late, followed by a newer one
        fixtures.send(new ShipmentDispatched(shipment, order.id, UUID.randomUUID(), "van-1",
                "STN-330127100", t.plusSeconds(60)));
        fixtures.send(new ShipmentOutForDelivery(shipment, order.id, "STN-330127100", t.plusSeconds(180)));

        // Then it never went back to DISPATCHED, and the late event is on the timeline as not applied
        awaitStatus(order, "OUT_FOR_DELIVERY");
        List<String> timeline = timeline(order);
        assertEquals(List.of("PENDING_PAYMENT", "PAID", "ROUTED", "DISPATCHED", "AT_STATION", "OUT_FOR_DELIVERY"),
                timeline.stream().distinct().toList());
        given().auth().oauth2(Tokens.consumer(order.buyer)).get("/api/v1/orders/{id}", order.id).then()
                .body("timeline.cause", hasItem(org.hamcrest.Matchers.containsString("not applied")));

        // When delivered, Then DELIVERED
        fixtures.send(new ShipmentDelivered(shipment, order.id, "Wang Fang", "photo-1", t.plusSeconds(240)));
        awaitStatus(order, "DELIVERED");
    }

    @Test
    void aRoutingFailureMarksTheOrder() {
        Paid order = paidOrder();
        fixtures.send(new ShipmentRoutingFailed(UUID.randomUUID(), order.id, "township 330127103 not covered",
                Instant.now()));
        awaitStatus(order, "ROUTING_FAILED");
    }

    @Test
    void eventsAboutUnknownOrdersAreIgnored() {
        // Given an event for an order this service never saw, followed by one for a real order (same key)
        Paid order = paidOrder();
        UUID shipment = UUID.randomUUID();
        String record = fixtures.envelope(new ShipmentRouted(shipment, UUID.randomUUID(), "CTR-1", "CTR-1", "STN-1",
                false, Instant.now()));
        KafkaProbe.send(Topics.LOGISTICS, shipment.toString(), record);
        fixtures.send(new ShipmentRouted(shipment, order.id, "CTR-330127", "CTR-330127", "STN-330127100", false,
                Instant.now()));

        // Then the consumer did not stall on the unknown one
        awaitStatus(order, "ROUTED");
    }

    private record Paid(UUID id, UUID buyer) {
    }

    private Paid paidOrder() {
        OfferOpened offer = fixtures.openOffer(5, 2, 1200);
        UUID buyer = UUID.randomUUID();
        UUID orderId = Fixtures.buy(buyer, offer.offerId(), 1);
        PaymentCalls.pay(orderId, 1200).then().statusCode(200);
        return new Paid(orderId, buyer);
    }

    private static void awaitStatus(Paid order, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(
                given().auth().oauth2(Tokens.consumer(order.buyer)).get("/api/v1/orders/{id}", order.id)
                        .then().statusCode(200).extract().path("status")));
    }

    private static List<String> timeline(Paid order) {
        return given().auth().oauth2(Tokens.consumer(order.buyer)).get("/api/v1/orders/{id}", order.id)
                .then().statusCode(200).extract().path("timeline.to");
    }
}
