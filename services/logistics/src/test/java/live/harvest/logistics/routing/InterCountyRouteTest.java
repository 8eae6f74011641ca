package live.harvest.logistics.routing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import live.harvest.logistics.support.Parcels;
import live.harvest.logistics.support.TestNetwork;
import live.harvest.platform.event.common.TemperatureClass;
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
class InterCountyRouteTest {

    @Inject
    Parcels parcels;

    @Test
    void aParcelFromAnotherCountyIsReceivedAtBothCentresBeforeJoiningAWave() {
        // Given a seller in county A and a buyer in county B
        TestNetwork a = TestNetwork.create();
        TestNetwork b = TestNetwork.create();
        UUID id = parcels.routed(Parcels.orderPaid(a.county(), b.ambientTownship(), TemperatureClass.AMBIENT));
        JsonPath shipment = given().auth().oauth2(Tokens.admin()).get("/api/v1/shipments/{id}", id).jsonPath();
        assertEquals(a.centre(), shipment.getString("originCentreCode"));
        assertEquals(b.centre(), shipment.getString("destinationCentreCode"));
        String centreA = Tokens.operator(a.centre());
        String centreB = Tokens.operator(b.centre());

        // When the origin centre receives it, it is expected at B but not yet waiting there
        scan(centreA, id, "RECEIVED_AT_CENTRE").then().statusCode(201).body("siteCode", equalTo(a.centre()));
        given().auth().oauth2(centreB).get("/api/v1/centres/{c}/waiting", b.centre()).then()
                .body("stations.find { it.stationCode == '" + b.ambientStation() + "' }.waiting", equalTo(0))
                .body("stations.find { it.stationCode == '" + b.ambientStation() + "' }.expected", equalTo(1));
        Problems.assertProblem(given().auth().oauth2(centreB).contentType(ContentType.JSON)
                .body(Map.of("stationCode", b.ambientStation())).post("/api/v1/centres/{c}/waves", b.centre())
                .then(), 409);
        // and the origin centre cannot receive it twice
        Problems.assertProblem(scan(centreA, id, Map.of("scanId", UUID.randomUUID().toString(),
                "type", "RECEIVED_AT_CENTRE", "siteCode", a.centre())).then(), 422);

        // Then once the destination centre receives it, it joins B's wave for the station
        scan(centreB, id, "RECEIVED_AT_CENTRE").then().statusCode(201).body("siteCode", equalTo(b.centre()));
        given().auth().oauth2(centreB).contentType(ContentType.JSON)
                .body(Map.of("stationCode", b.ambientStation(), "vehicle", "ZJ-B77"))
                .post("/api/v1/centres/{c}/waves", b.centre())
                .then().statusCode(201).body("shipmentIds[0]", equalTo(id.toString()));
        given().auth().oauth2(centreA).get("/api/v1/centres/{c}/stats", a.centre())
                .then().body("outboundToOtherCounties", equalTo(1));
    }
}
