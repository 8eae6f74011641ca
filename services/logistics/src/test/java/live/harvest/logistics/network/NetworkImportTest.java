package live.harvest.logistics.network;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import live.harvest.logistics.support.TestNetwork;
import live.harvest.testkit.Problems;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class NetworkImportTest {

    @Test
    void aCountyNetworkIsImportedAndReImportingItChangesNothing() {
        // Given a county document with a centre, two stations and a pickup point
        String county = TestNetwork.randomCountyCode();
        Map<String, Object> doc = new TestNetwork(county, "CTR-" + county, "STN-" + county + "101", county + "101",
                "STN-" + county + "102", county + "102", county + "109", "PP-" + county + "101201",
                county + "101201").document(true);

        // When it is imported
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(doc)
                .post("/api/v1/network/imports")
                .then().statusCode(200)
                .body("countyCreated", equalTo(true))
                .body("stations.created", equalTo(2))
                .body("pickupPoints.created", equalTo(1));

        // Then the whole network is readable
        given().auth().oauth2(Tokens.admin()).queryParam("centreCode", "CTR-" + county)
                .get("/api/v1/network/stations")
                .then().statusCode(200)
                .body("code", containsInAnyOrder("STN-" + county + "101", "STN-" + county + "102"));
        given().auth().oauth2(Tokens.admin()).get("/api/v1/network/pickup-points/PP-{c}101201", county)
                .then().statusCode(200).body("villageCode", equalTo(county + "101201"));

        // And importing the same document again creates nothing
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(doc)
                .post("/api/v1/network/imports")
                .then().statusCode(200)
                .body("countyCreated", equalTo(false))
                .body("centreCreated", equalTo(false))
                .body("stations.created", equalTo(0))
                .body("stations.updated", equalTo(2))
                .body("pickupPoints.created", equalTo(0));
        given().auth().oauth2(Tokens.admin()).queryParam("centreCode", "CTR-" + county)
                .get("/api/v1/network/stations").then().body("$", hasSize(2));
    }

    @Test
    void aDocumentWithErrorsImportsNothingAndListsEveryError() {
        // Given a document with one good station and several wrong rows
        String county = TestNetwork.randomCountyCode();
        String otherCounty = TestNetwork.randomCountyCode();
        Map<String, Object> doc = Map.of(
                "county", Map.of("code", county, "name", "Broken county", "province", "Zhejiang"),
                "centre", Map.of("code", "CTR-" + county, "address", "1 Depot Road", "coldStorage", true),
                "stations", List.of(
                        Map.of("code", "STN-" + county + "101", "townships", List.of(county + "101"),
                                "coldCapable", true, "openingHours", "08:00-20:00"),
                        Map.of("code", "STN-" + county + "102", "townships", List.of(county + "101", "12345"),
                                "coldCapable", false, "openingHours", "08:00-20:00"),
                        Map.of("code", "STN-" + county + "103", "townships", List.of(otherCounty + "103"),
                                "coldCapable", false, "openingHours", "",
                                "pickupPoints", List.of(Map.of("code", "PP-" + county, "villageCode",
                                        county + "104201", "name", "Shop")))));

        // When it is imported
        Problems.assertProblem(given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(doc)
                        .post("/api/v1/network/imports").then(), 400)
                // Then every error is listed with its path
                .body("errors", hasSize(5))
                .body("errors.field", containsInAnyOrder(
                        "stations[1].townships[0]",
                        "stations[1].townships[1]",
                        "stations[2].openingHours",
                        "stations[2].pickupPoints[0].villageCode",
                        "stations[2].townships[0]"))
                .body("errors.find { it.field == 'stations[1].townships[0]' }.message",
                        equalTo("township " + county + "101 is also listed at stations[0].townships[0]"));

        // And nothing was imported, not even the valid rows
        Problems.assertProblem(given().auth().oauth2(Tokens.admin())
                .get("/api/v1/network/counties/{code}", county).then(), 404);
        Problems.assertProblem(given().auth().oauth2(Tokens.admin())
                .get("/api/v1/network/stations/STN-{c}101", county).then(), 404);
    }

    @Test
    void aTownshipServedByAnotherCountysStationCannotBeImportedTwice() {
        // Given a network already stored
        TestNetwork n = TestNetwork.create();

        // When another document for the same county claims a covered township for a new station
        Map<String, Object> doc = Map.of(
                "county", Map.of("code", n.county(), "name", "Same county", "province", "Zhejiang"),
                "centre", Map.of("code", n.centre(), "address", "1 Depot Road", "coldStorage", true),
                "stations", List.of(Map.of("code", "STN-NEW-" + n.county(), "townships", List.of(n.coldTownship()),
                        "coldCapable", true, "openingHours", "08:00-20:00")));

        // Then it is refused, naming the station that serves it
        Problems.assertProblem(given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(doc)
                        .post("/api/v1/network/imports").then(), 400)
                .body("errors.message", hasItem("township " + n.coldTownship() + " is already served by station "
                        + n.coldStation()));
    }

    @Test
    void onlyAdminsImport() {
        Problems.assertProblem(given().auth().oauth2(Tokens.operator("CTR-1")).contentType(ContentType.JSON)
                .body(Map.of()).post("/api/v1/network/imports").then(), 403);
    }
}
