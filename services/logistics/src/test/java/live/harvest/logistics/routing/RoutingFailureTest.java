package live.harvest.logistics.routing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import live.harvest.logistics.support.Parcels;
import live.harvest.logistics.support.TestNetwork;
import live.harvest.platform.event.EventEnvelope;
import live.harvest.platform.event.Topics;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentRoutingFailed;
import live.harvest.platform.event.orders.OrderEvents.OrderPaid;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class RoutingFailureTest {

    @Inject
    Parcels parcels;

    @Test
    void anAddressInAnUncoveredTownshipFailsRoutingAndIsAnnounced() {
        try (KafkaProbe events = KafkaProbe.watch(Topics.LOGISTICS)) {
            // Given a township no station serves
            TestNetwork n = TestNetwork.create();
            OrderPaid paid = Parcels.orderPaid(n.county(), n.uncoveredTownship(), TemperatureClass.AMBIENT);

            // When the order is paid
            parcels.send(paid);

            // Then the shipment is kept as ROUTING_FAILED with the reason
            JsonPath shipment = parcels.awaitShipment(paid.orderId());
            assertEquals("ROUTING_FAILED", shipment.getString("status"));
            assertEquals("UNCOVERED_TOWNSHIP", shipment.getString("routingFailure"));
            // and a ShipmentRoutingFailed event names it
            String id = shipment.getString("shipmentId");
            EventEnvelope failed = events.awaitEvent("logistics.shipment-routing-failed", e -> e.aggregateId().equals(id));
            ShipmentRoutingFailed payload = KafkaProbe.payload(failed, ShipmentRoutingFailed.class);
            assertEquals(paid.orderId(), payload.orderId());
            assertTrue(payload.reason().contains(n.uncoveredTownship()), payload.reason());
        }
    }

    @Test
    void aFailedRoutingCanBeRetriedOnceTheNetworkCoversTheTownship() {
        // Given a shipment that failed routing because its township was not covered
        TestNetwork n = TestNetwork.create();
        OrderPaid paid = Parcels.orderPaid(n.county(), n.uncoveredTownship(), TemperatureClass.AMBIENT);
        parcels.send(paid);
        String id = parcels.awaitShipment(paid.orderId()).getString("shipmentId");

        // When an admin adds the township to a station and re-routes
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(java.util.Map.of("townships", java.util.List.of(n.ambientTownship(), n.uncoveredTownship()),
                        "coldCapable", false, "openingHours", "09:00-18:00"))
                .put("/api/v1/network/stations/{code}", n.ambientStation()).then().statusCode(200);

        // Then the shipment is routed to that station
        given().auth().oauth2(Tokens.admin()).post("/api/v1/shipments/{id}/reroute", id)
                .then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("ROUTED"))
                .body("stationCode", org.hamcrest.Matchers.equalTo(n.ambientStation()));
    }

    @Test
    void aSellerCountyWithoutACentreFailsRouting() {
        // Given a seller from a county with no centre
        TestNetwork n = TestNetwork.create();
        OrderPaid paid = Parcels.orderPaid(TestNetwork.randomCountyCode(), n.ambientTownship(),
                TemperatureClass.AMBIENT);

        // When the order is paid
        parcels.send(paid);

        // Then routing fails for lack of an origin centre
        assertEquals("NO_ORIGIN_CENTRE", parcels.awaitShipment(paid.orderId()).getString("routingFailure"));
    }
}
