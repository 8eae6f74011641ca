package live.harvest.logistics.support;

import io.restassured.http.ContentType;
import live.harvest.testkit.Tokens;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * A small county network with random codes, imported through the API, so every test has its own:
 * a cold-storage centre, a cold-capable station (township …101, with a pickup point in village …101201),
 * an ambient-only station (township …102), and township …109 that nobody serves.
 */
public record TestNetwork(String county, String centre, String coldStation, String coldTownship,
                          String ambientStation, String ambientTownship, String uncoveredTownship,
                          String pickupPoint, String pickupVillage) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static String randomCountyCode() {
        return String.valueOf(100_000 + RANDOM.nextInt(900_000));
    }

    public static TestNetwork create() {
        return create(true);
    }

    public static TestNetwork create(boolean centreColdStorage) {
        String c = randomCountyCode();
        TestNetwork n = new TestNetwork(c, "CTR-" + c, "STN-" + c + "101", c + "101", "STN-" + c + "102",
                c + "102", c + "109", "PP-" + c + "101201", c + "101201");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(n.document(centreColdStorage))
                .post("/api/v1/network/imports").then().statusCode(200);
        return n;
    }

    public Map<String, Object> document(boolean centreColdStorage) {
        return Map.of(
                "county", Map.of("code", county, "name", "Test county " + county, "province", "Zhejiang"),
                "centre", Map.of("code", centre, "name", "Centre " + county, "address", "1 Depot Road",
                        "coldStorage", centreColdStorage),
                "stations", List.of(
                        Map.of("code", coldStation, "townships", List.of(coldTownship), "coldCapable", true,
                                "openingHours", "08:00-20:00",
                                "pickupPoints", List.of(Map.of("code", pickupPoint, "villageCode", pickupVillage,
                                        "name", "Village shop"))),
                        Map.of("code", ambientStation, "townships", List.of(ambientTownship), "coldCapable", false,
                                "openingHours", "09:00-18:00")));
    }
}
