package live.harvest.logistics.scan;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.logistics.support.Parcels;
import live.harvest.logistics.support.TestNetwork;
import live.harvest.platform.event.Topics;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.event.EventEnvelope;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentHeldForPickup;
import live.harvest.platform.event.orders.OrderEvents.OrderPaid;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Problems;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static live.harvest.logistics.support.Parcels.scan;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PickupCodeTest {

    @Inject
    Parcels parcels;

    @Test
    void aParcelHeldAtAPickupPointIsReleasedOnlyAgainstTheBuyersCode() {
        try (KafkaProbe events = KafkaProbe.watch(Topics.LOGISTICS)) {
            // Given a parcel at its station, held at the village pickup point
            TestNetwork n = TestNetwork.create();
            OrderPaid paid = Parcels.orderPaid(n.county(), n.coldTownship(), TemperatureClass.AMBIENT);
            UUID id = parcels.routed(paid);
            Parcels.bringToStation(n, id, n.coldStation());
            String station = Tokens.operator(n.coldStation());
            scan(station, id, Map.of("scanId", UUID.randomUUID().toString(), "type", "HELD_AT_PICKUP",
                    "pickupPointCode", n.pickupPoint())).then().statusCode(201);

            // The buyer sees a 6-digit pickup code; the operator does not, nor does the event (sellers and partners read
            // events: regression of issue 12, the code leaked to the seller through the order timeline)
            String code = given().auth().oauth2(Tokens.consumer(paid.buyerId()))
                    .get("/api/v1/orders/{id}/shipment", paid.orderId())
                    .then().statusCode(200).body("status", equalTo("HELD_AT_PICKUP"))
                    .body("pickupPointCode", equalTo(n.pickupPoint()))
                    .extract().path("pickupCode");
            assertTrue(code.matches("\\d{6}"), code);
            given().auth().oauth2(station).get("/api/v1/shipments/{id}", id).then().body("pickupCode", nullValue());
            EventEnvelope held = events.awaitEvent("logistics.shipment-held-for-pickup",
                    e -> e.aggregateId().equals(id.toString()));
            assertEquals(n.pickupPoint(), KafkaProbe.payload(held, ShipmentHeldForPickup.class).pickupPointCode());
            assertFalse(held.payload().has("pickupCode"), "no pickup code in the event");

            // When someone presents a wrong code, it is refused and the parcel stays held
            String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
            Problems.assertProblem(scan(station, id, Map.of("scanId", UUID.randomUUID().toString(),
                            "type", "PICKED_UP", "pickupCode", wrong)).then(), 422)
                    .body("type", equalTo("https://harvest.live/problems/wrong-pickup-code"));
            given().auth().oauth2(station).get("/api/v1/shipments/{id}", id)
                    .then().body("status", equalTo("HELD_AT_PICKUP"));

            // Then the right code releases it
            scan(station, id, Map.of("scanId", UUID.randomUUID().toString(), "type", "PICKED_UP", "pickupCode", code))
                    .then().statusCode(201).body("statusAfter", equalTo("PICKED_UP"));
            events.awaitEvent("logistics.shipment-picked-up", e -> e.aggregateId().equals(id.toString()));
        }
    }

    @Test
    void aParcelCanOnlyBeHeldAtAPickupPointOfItsOwnStation() {
        TestNetwork n = TestNetwork.create();
        UUID id = parcels.routed(Parcels.orderPaid(n.county(), n.ambientTownship(), TemperatureClass.AMBIENT));
        Parcels.bringToStation(n, id, n.ambientStation());

        Problems.assertProblem(scan(Tokens.operator(n.ambientStation()), id, Map.of("scanId",
                UUID.randomUUID().toString(), "type", "HELD_AT_PICKUP", "pickupPointCode", n.pickupPoint())).then(), 422);
    }

    @Test
    void anUncollectedParcelIsReturned() {
        try (KafkaProbe events = KafkaProbe.watch(Topics.LOGISTICS)) {
            TestNetwork n = TestNetwork.create();
            UUID id = parcels.routed(Parcels.orderPaid(n.county(), n.coldTownship(), TemperatureClass.AMBIENT));
            Parcels.bringToStation(n, id, n.coldStation());
            String station = Tokens.operator(n.coldStation());
            scan(station, id, Map.of("scanId", UUID.randomUUID().toString(), "type", "HELD_AT_PICKUP",
                    "pickupPointCode", n.pickupPoint())).then().statusCode(201);

            scan(station, id, Map.of("scanId", UUID.randomUUID().toString(), "type", "RETURNED",
                    "reason", "not collected in 7 days")).then().statusCode(201);

            events.awaitEvent("logistics.shipment-returned", e -> e.aggregateId().equals(id.toString()));
        }
    }
}
