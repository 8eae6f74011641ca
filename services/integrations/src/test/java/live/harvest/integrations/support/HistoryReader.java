package live.harvest.integrations.support;

import io.restassured.response.ValidatableResponse;
import live.harvest.platform.security.Scopes;
import live.harvest.testkit.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** A partner registered through the API with a visibility grant, reading the history with its Keycloak token. */
public record HistoryReader(String id, String clientId, String secret) {

    /** Registers a partner of {@code kind} with {@code events:read} and sets what it sees. */
    public static HistoryReader of(String kind, List<String> counties, List<String> sites, String paymentPartner) {
        Map<String, Object> partner = Partners.registered("history " + kind.toLowerCase(), kind, Scopes.EVENTS_READ);
        String id = (String) partner.get("id");
        setVisibility(id, counties, sites, paymentPartner).statusCode(200);
        return new HistoryReader(id, (String) partner.get("clientId"), (String) partner.get("clientSecret"));
    }

    public static ValidatableResponse setVisibility(String partnerId, List<String> counties, List<String> sites,
                                                    String paymentPartner) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("counties", counties, "sites", sites));
        body.put("paymentPartnerId", paymentPartner);
        return given().auth().oauth2(Tokens.admin()).contentType("application/json").body(body)
                .put("/api/v1/partners/" + partnerId + "/visibility").then();
    }

    public String token() {
        return KeycloakRealm.accessToken(clientId, secret);
    }

    /** One page: {@code after} and {@code types} may be null. */
    public ValidatableResponse page(String after, String types, Integer limit) {
        var request = given().auth().oauth2(token());
        if (after != null) {
            request = request.queryParam("after", after);
        }
        if (types != null) {
            request = request.queryParam("types", types);
        }
        if (limit != null) {
            request = request.queryParam("limit", limit);
        }
        return request.get("/api/v1/events").then();
    }

    /** Every event id visible from the start, read page by page ({@code limit} each), in order. */
    public List<UUID> allEventIds(int limit) {
        List<UUID> ids = new ArrayList<>();
        String after = null;
        for (int guard = 0; guard < 1_000; guard++) {
            var page = page(after, null, limit).statusCode(200).extract().jsonPath();
            List<String> pageIds = page.getList("items.event.eventId");
            pageIds.forEach(id -> ids.add(UUID.fromString(id)));
            String next = page.getString("next");
            if (pageIds.isEmpty()) {
                return ids;
            }
            after = next;
        }
        throw new AssertionError("more than 1000 pages");
    }
}
