package live.harvest.integrations.support;

import io.restassured.response.ValidatableResponse;
import live.harvest.testkit.Tokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Registers partners through the API as an admin. Every name starts with this test run's marker, so every client id
 * starts with {@link #CLIENT_PREFIX} and {@link #deleteTestClients()} removes exactly what the run created.
 */
public final class Partners {

    /** e.g. {@code it3f9a2c}: a run's partners are named {@code it3f9a2c <label> <random>}. */
    public static final String RUN = "it" + UUID.randomUUID().toString().substring(0, 6);
    public static final String CLIENT_PREFIX = "partner-" + RUN + "-";

    private Partners() {
    }

    /** A name no other test uses; its client id starts with {@link #clientPrefixOf(String)}. */
    public static String uniqueName(String label) {
        return RUN + " " + label + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The prefix of the client id registered for {@code name}: {@code partner-<slug>-}. */
    public static String clientPrefixOf(String name) {
        return "partner-" + name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-";
    }

    public static Map<String, Object> body(String name, String kind, List<String> scopes) {
        return Map.of("name", name, "kind", kind, "scopes", scopes, "contactEmail", "ops@example.com");
    }

    public static ValidatableResponse register(Map<String, Object> body) {
        return given().auth().oauth2(Tokens.admin()).contentType("application/json").body(body)
                .post("/api/v1/partners").then();
    }

    public static ValidatableResponse register(String idempotencyKey, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.admin()).header("Idempotency-Key", idempotencyKey)
                .contentType("application/json").body(body).post("/api/v1/partners").then();
    }

    /** Registers a partner and returns the 201 body: id, clientId, clientSecret, ... */
    public static Map<String, Object> registered(String label, String kind, String... scopes) {
        return register(body(uniqueName(label), kind, List.of(scopes))).statusCode(201).extract().jsonPath()
                .getMap("$");
    }

    public static void deleteTestClients() {
        KeycloakRealm.deleteClients(CLIENT_PREFIX);
    }
}
