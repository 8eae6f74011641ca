package live.harvest.logistics.scan;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.logistics.support.Parcels;
import live.harvest.logistics.support.TestNetwork;
import live.harvest.platform.event.Topics;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentDelivered;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Problems;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static live.harvest.logistics.support.Parcels.scan;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ScanSequenceTest {

    @Inject
    Parcels parcels;

    @Test
    void aScanOutOfSequenceIsRefused() {
        // Given a routed parcel not yet received at the centre
        TestNetwork n = TestNetwork.create();
        UUID id = parcels.routed(Parcels.orderPaid(n.county(), n.ambientTownship(), TemperatureClass.AMBIENT));

        // When the station scans it as arrived, or delivered
        Problems.assertProblem(scan(Tokens.operator(n.ambientStation()), id, "ARRIVED_AT_STATION").then(), 409)
                .body("type", equalTo("https://harvest.live/problems/out-of-sequence"));
        Problems.assertProblem(scan(Tokens.operator(n.ambientStation()), id, Map.of("scanId",
                UUID.randomUUID().toString(), "type", "DELIVERED", "recipientName", "Li Lei",
                "proofReference", "sig-1")).then(), 409);

        // Then it is still ROUTED
        given().auth().oauth2(Tokens.admin()).get("/api/v1/shipments/{id}", id)
                .then().body("status", equalTo("ROUTED"));
    }

    @Test
    void aRepeatedScanIdIsANoOpReturningTheOriginalResult() {
        // Given a parcel received at the centre with scan id S
        TestNetwork n = TestNetwork.create();
        UUID id = parcels.routed(Parcels.orderPaid(n.county(), n.ambientTownship(), TemperatureClass.AMBIENT));
        Map<String, Object> body = Map.of("scanId", UUID.randomUUID().toString(), "type", "RECEIVED_AT_CENTRE");
        String operator = Tokens.operator(n.centre());
        Map<String, Object> original = scan(operator, id, body).then().statusCode(201).extract().jsonPath().getMap("$");

        // When the same scan is sent again
        Map<String, Object> repeated = scan(operator, id, body).then().statusCode(200).extract().jsonPath().getMap("$");

        // Then it returns the original result and the timeline has one receipt
        assertEquals(original, repeated);
        given().auth().oauth2(operator).get("/api/v1/shipments/{id}", id).then()
                .body("timeline.findAll { it.kind == 'RECEIVED_AT_CENTRE' }.size()", equalTo(1));
    }

    @Test
    void aDeliveryNeedsTheRecipientAndProof() {
        TestNetwork n = TestNetwork.create();
        UUID id = parcels.routed(Parcels.orderPaid(n.county(), n.ambientTownship(), TemperatureClass.AMBIENT));
        Parcels.bringToStation(n, id, n.ambientStation());
        String station = Tokens.operator(n.ambientStation());
        scan(station, id, "OUT_FOR_DELIVERY").then().statusCode(201);

        Problems.assertProblem(scan(station, id, "DELIVERED").then(), 400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("recipientName", "proofReference"));
    }

    @Test
    void everyHopToTheDoorstepEmitsItsEvent() {
        try (KafkaProbe events = KafkaProbe.watch(Topics.LOGISTICS)) {
            // Given a routed parcel
            TestNetwork n = TestNetwork.create();
            UUID id = parcels.routed(Parcels.orderPaid(n.county(), n.ambientTownship(), TemperatureClass.AMBIENT));
            String station = Tokens.operator(n.ambientStation());

            // When it goes centre → wave → station → out for delivery → failed → out again → delivered
            Parcels.bringToStation(n, id, n.ambientStation());
            scan(station, id, "OUT_FOR_DELIVERY").then().statusCode(201);
            scan(station, id, Map.of("scanId", UUID.randomUUID().toString(), "type", "DELIVERY_FAILED",
                    "reason", "nobody home")).then().statusCode(201);
            scan(station, id, "OUT_FOR_DELIVERY").then().statusCode(201);
            scan(station, id, Map.of("scanId", UUID.randomUUID().toString(), "type", "DELIVERED",
                    "recipientName", "Li Lei", "proofReference", "photo-77")).then().statusCode(201)
                    .body("statusAfter", equalTo("DELIVERED"));

            // Then each state change was published, in order, for this parcel
            String key = id.toString();
            for (String type : new String[]{"logistics.shipment-received-at-centre", "logistics.shipment-dispatched",
                    "logistics.shipment-arrived-at-station", "logistics.shipment-out-for-delivery",
                    "logistics.shipment-delivery-failed"}) {
                events.awaitEvent(type, e -> e.aggregateId().equals(key));
            }
            ShipmentDelivered delivered = KafkaProbe.payload(
                    events.awaitEvent("logistics.shipment-delivered", e -> e.aggregateId().equals(key)),
                    ShipmentDelivered.class);
            assertEquals("photo-77", delivered.proofReference());
            // and a delivered parcel takes no further scans
            Problems.assertProblem(scan(station, id, "OUT_FOR_DELIVERY").then(), 409);
        }
    }
}
