package live.harvest.logistics.tracking;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.logistics.support.Parcels;
import live.harvest.logistics.support.TestNetwork;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static live.harvest.logistics.support.Parcels.scan;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class StationQueueAndStatsTest {

    @Inject
    Parcels parcels;

    @Test
    void aStationQueueListsArrivedOutForDeliveryAndOverdueParcels() {
        // Given one parcel out for delivery since two days, and one still waiting at the centre
        TestNetwork n = TestNetwork.create();
        UUID fresh = parcels.routed(Parcels.orderPaid(n.county(), n.ambientTownship(), TemperatureClass.AMBIENT));
        UUID stale = parcels.routed(Parcels.orderPaid(n.county(), n.ambientTownship(), TemperatureClass.AMBIENT));
        String centre = Tokens.operator(n.centre());
        Parcels.bringToStation(n, stale, n.ambientStation());
        scan(centre, fresh, "RECEIVED_AT_CENTRE").then().statusCode(201);
        String station = Tokens.operator(n.ambientStation());
        scan(station, fresh, "ARRIVED_AT_STATION").then().statusCode(409); // still at the centre: not dispatched
        scan(station, stale, Map.of("scanId", UUID.randomUUID().toString(), "type", "OUT_FOR_DELIVERY",
                "at", Instant.now().minus(2, ChronoUnit.DAYS).toString())).then().statusCode(201);

        // When the station looks at its queue
        given().auth().oauth2(station).get("/api/v1/stations/{c}/queue", n.ambientStation())
                .then().statusCode(200)
                // Then the stale parcel is out for delivery and overdue
                .body("outForDeliveryCount", equalTo(1))
                .body("outForDelivery.shipmentId", contains(stale.toString()))
                .body("overdue.shipmentId", contains(stale.toString()))
                .body("arrivedCount", equalTo(0));

        // And the centre's figures count both parcels by status
        given().auth().oauth2(centre).get("/api/v1/centres/{c}/stats", n.centre())
                .then().statusCode(200)
                .body("inboundByStatus.RECEIVED_AT_CENTRE", equalTo(1))
                .body("inboundByStatus.OUT_FOR_DELIVERY", equalTo(1))
                .body("waitingForWave", equalTo(1))
                .body("overdue", equalTo(1));
    }

    @Test
    void theBuyerFollowsTheTimelineOfTheirParcel() {
        TestNetwork n = TestNetwork.create();
        var paid = Parcels.orderPaid(n.county(), n.ambientTownship(), TemperatureClass.AMBIENT);
        UUID id = parcels.routed(paid);
        Parcels.bringToStation(n, id, n.ambientStation());

        given().auth().oauth2(Tokens.consumer(paid.buyerId())).get("/api/v1/orders/{o}/shipment", paid.orderId())
                .then().statusCode(200)
                .body("status", equalTo("ARRIVED_AT_STATION"))
                .body("timeline.kind", contains("CREATED", "ROUTED", "RECEIVED_AT_CENTRE", "DISPATCHED",
                        "ARRIVED_AT_STATION"));
    }
}
