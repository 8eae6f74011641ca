package live.harvest.integrations.support;

import io.restassured.specification.RequestSpecification;
import live.harvest.testkit.Tokens;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * A partner as a webhook subscriber sees itself: registered by an admin (a real Keycloak client), granted the
 * counties it may see, and calling with its own client-credentials token.
 */
public record WebhookPartner(String id, String clientId, String token) {

    /** A county service centre that sees {@code counties}, with the given scopes. */
    public static WebhookPartner countyCentre(List<String> counties, String... scopes) {
        Map<String, Object> partner = Partners.registered("hooks", "COUNTY_SERVICE_CENTRE", scopes);
        String id = (String) partner.get("id");
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(Map.of("counties", counties, "sites", List.of()))
                .put("/api/v1/partners/" + id + "/visibility").then().statusCode(200);
        String clientId = (String) partner.get("clientId");
        return new WebhookPartner(id, clientId,
                KeycloakRealm.accessToken(clientId, (String) partner.get("clientSecret")));
    }

    public RequestSpecification call() {
        return given().auth().oauth2(token).contentType("application/json");
    }

    /** Registers an endpoint and returns the 201 body ({@code endpoint}, {@code secret}). */
    public Map<String, Object> subscribe(String url, List<String> eventTypes) {
        return call().body(Map.of("url", url, "eventTypes", eventTypes)).post("/api/v1/webhooks/endpoints").then()
                .statusCode(201).extract().jsonPath().getMap("$");
    }
}
