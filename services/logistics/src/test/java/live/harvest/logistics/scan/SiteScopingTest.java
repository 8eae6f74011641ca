package live.harvest.logistics.scan;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.logistics.support.Parcels;
import live.harvest.logistics.support.TestNetwork;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.event.orders.OrderEvents.OrderPaid;
import live.harvest.testkit.Problems;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static live.harvest.logistics.support.Parcels.scan;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class SiteScopingTest {

    @Inject
    Parcels parcels;

    @Test
    void anOperatorOfAnotherStationCannotSeeOrScanTheParcel() {
        // Given a parcel for the ambient station, dispatched to it
        TestNetwork n = TestNetwork.create();
        UUID id = parcels.routed(Parcels.orderPaid(n.county(), n.ambientTownship(), TemperatureClass.AMBIENT));
        Parcels.bringToStation(n, id, n.ambientStation());
        String otherStation = Tokens.operator(n.coldStation());

        // When the operator of the other station tries to scan or read it, the parcel does not exist for them
        Problems.assertProblem(scan(otherStation, id, "OUT_FOR_DELIVERY").then(), 404);
        Problems.assertProblem(given().auth().oauth2(otherStation).get("/api/v1/shipments/{id}", id).then(), 404);
        Problems.assertProblem(given().auth().oauth2(otherStation)
                .get("/api/v1/stations/{c}/queue", n.ambientStation()).then(), 403);

        // Then its own station still can
        scan(Tokens.operator(n.ambientStation()), id, "OUT_FOR_DELIVERY").then().statusCode(201);
    }

    @Test
    void aCentreOperatorSeesTheParcelButCannotScanStationHops() {
        TestNetwork n = TestNetwork.create();
        UUID id = parcels.routed(Parcels.orderPaid(n.county(), n.ambientTownship(), TemperatureClass.AMBIENT));
        Parcels.bringToStation(n, id, n.ambientStation());

        Problems.assertProblem(scan(Tokens.operator(n.centre()), id, "OUT_FOR_DELIVERY").then(), 403);
    }

    @Test
    void anAdminMayScanAnywhere() {
        TestNetwork n = TestNetwork.create();
        UUID id = parcels.routed(Parcels.orderPaid(n.county(), n.ambientTownship(), TemperatureClass.AMBIENT));

        scan(Tokens.admin(), id, "RECEIVED_AT_CENTRE").then().statusCode(201).body("siteCode", equalTo(n.centre()));
    }

    @Test
    void onlyTheBuyerAndPartnersWithTheReadScopeTrackAnOrder() {
        // Given a routed parcel
        TestNetwork n = TestNetwork.create();
        OrderPaid paid = Parcels.orderPaid(n.county(), n.ambientTownship(), TemperatureClass.AMBIENT);
        parcels.routed(paid);

        // The buyer sees it; another consumer does not
        given().auth().oauth2(Tokens.consumer(paid.buyerId())).get("/api/v1/orders/{id}/shipment", paid.orderId())
                .then().statusCode(200).body("destination.recipient", equalTo("Li Lei"));
        Problems.assertProblem(given().auth().oauth2(Tokens.consumer(UUID.randomUUID()))
                .get("/api/v1/orders/{id}/shipment", paid.orderId()).then(), 404);
        // A partner needs shipments:read, and does not get the recipient's contact details
        Problems.assertProblem(given().auth().oauth2(Tokens.partner("orders:read"))
                .get("/api/v1/orders/{id}/shipment", paid.orderId()).then(), 403);
        given().auth().oauth2(Tokens.partner("shipments:read")).get("/api/v1/orders/{id}/shipment", paid.orderId())
                .then().statusCode(200).body("status", equalTo("ROUTED"))
                .body("destination.recipient", org.hamcrest.Matchers.nullValue());
        // and a seller has no access to tracking endpoints
        Problems.assertProblem(given().auth().oauth2(Tokens.seller(paid.sellerId()))
                .get("/api/v1/orders/{id}/shipment", paid.orderId()).then(), 403);
    }
}
