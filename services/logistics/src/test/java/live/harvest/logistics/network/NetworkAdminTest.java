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
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class NetworkAdminTest {

    private static final String ADMIN = Tokens.admin();

    @Test
    void anAdminBuildsANetworkPieceByPiece() {
        // Given a new county
        String c = TestNetwork.randomCountyCode();
        post("counties", Map.of("code", c, "name", "Chun'an", "province", "Zhejiang")).then().statusCode(201);
        // When its centre, a station and a pickup point are created
        post("centres", Map.of("code", "CTR-" + c, "countyCode", c, "address", "Depot", "coldStorage", true))
                .then().statusCode(201).header("Location", endsWith("/api/v1/network/centres/CTR-" + c));
        post("stations", Map.of("code", "STN-" + c, "centreCode", "CTR-" + c, "townships", List.of(c + "100"),
                "coldCapable", true, "openingHours", "08:00-20:00")).then().statusCode(201);
        post("pickup-points", Map.of("code", "PP-" + c, "stationCode", "STN-" + c, "villageCode", c + "100201",
                "name", "Village shop")).then().statusCode(201);

        // Then they can be read, listed and updated
        given().auth().oauth2(ADMIN).queryParam("countyCode", c).get("/api/v1/network/centres")
                .then().statusCode(200).body("code", hasItem("CTR-" + c));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("address", "New depot", "coldStorage", false))
                .put("/api/v1/network/centres/CTR-{c}", c).then().statusCode(200)
                .body("address", equalTo("New depot")).body("coldStorage", equalTo(false));
        given().auth().oauth2(Tokens.operator("CTR-" + c)).get("/api/v1/network/stations/STN-{c}", c)
                .then().statusCode(200).body("townships", equalTo(List.of(c + "100")));
        // and a pickup point can be deleted while it holds nothing
        given().auth().oauth2(ADMIN).delete("/api/v1/network/pickup-points/PP-{c}", c).then().statusCode(204);
    }

    @Test
    void aStationCannotServeATownshipOutsideItsCentresCounty() {
        TestNetwork n = TestNetwork.create();
        Problems.assertProblem(post("stations", Map.of("code", "STN-X" + n.county(), "centreCode", n.centre(),
                "townships", List.of(TestNetwork.randomCountyCode() + "100"), "coldCapable", false,
                "openingHours", "08:00-20:00")).then(), 400).body("errors[0].field", equalTo("townships[0]"));
    }

    @Test
    void aTownshipIsServedByOneStationOnly() {
        TestNetwork n = TestNetwork.create();
        Problems.assertProblem(post("stations", Map.of("code", "STN-Y" + n.county(), "centreCode", n.centre(),
                "townships", List.of(n.coldTownship()), "coldCapable", false, "openingHours", "08:00-20:00"))
                .then(), 409).body("type", equalTo("https://harvest.live/problems/township-already-served"));
    }

    @Test
    void aPickupPointMustBeInAVillageOfAServedTownship() {
        TestNetwork n = TestNetwork.create();
        Problems.assertProblem(post("pickup-points", Map.of("code", "PP-Z" + n.county(),
                "stationCode", n.ambientStation(), "villageCode", n.uncoveredTownship() + "201", "name", "Shop"))
                .then(), 422);
    }

    @Test
    void aCountyWithACentreCannotBeDeleted() {
        TestNetwork n = TestNetwork.create();
        Problems.assertProblem(given().auth().oauth2(ADMIN)
                .delete("/api/v1/network/counties/{c}", n.county()).then(), 409);
    }

    @Test
    void invalidFieldsAreRefusedAndNonAdminsCannotChangeTheNetwork() {
        Problems.assertProblem(post("counties", Map.of("code", "12", "name", "", "province", "Zhejiang")).then(), 400)
                .body("errors.field", hasItem("code"));
        Problems.assertProblem(given().auth().oauth2(Tokens.operator("CTR-1")).contentType(ContentType.JSON)
                .body(Map.of("code", "330100", "name", "x", "province", "y"))
                .post("/api/v1/network/counties").then(), 403);
    }

    private static io.restassured.response.Response post(String kind, Map<String, Object> body) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body)
                .post("/api/v1/network/" + kind);
    }
}
