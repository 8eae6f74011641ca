package live.harvest.integrations.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import live.harvest.testkit.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real local Keycloak as partners and as its administrators see it: token requests with a partner's client
 * credentials, and the realm's clients (listed and deleted as {@code harvest-integrations}) to prove what a test
 * left there and to clean up after it.
 */
public final class KeycloakRealm {

    public static final String URL = env("KEYCLOAK_URL", "http://127.0.0.1:8180");
    public static final String REALM = env("KEYCLOAK_REALM", "harvest");
    private static final String ADMIN_CLIENT = "harvest-integrations";
    private static final String ADMIN_SECRET = env("OIDC_CLIENT_SECRET", "integrations-local-secret");

    private KeycloakRealm() {
    }

    /** A client-credentials token request, as a partner makes it; 200 with a token or 401 when refused. */
    public static Response requestToken(String clientId, String secret) {
        return RestAssured.given().baseUri(URL).formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret)
                .post("/realms/" + REALM + "/protocol/openid-connect/token");
    }

    /** The claims of a token Keycloak issued to the client (fails the test if it refuses). */
    public static JsonNode tokenClaims(String clientId, String secret) {
        String token = requestToken(clientId, secret).then().statusCode(200).extract().path("access_token");
        return Tokens.claimsOf(Tokens.bearer(token));
    }

    public static String accessToken(String clientId, String secret) {
        return requestToken(clientId, secret).then().statusCode(200).extract().path("access_token");
    }

    /** The client ids in the realm that start with {@code prefix}. */
    public static List<String> clientIds(String prefix) {
        List<String> ids = new ArrayList<>();
        for (Client client : clients(prefix)) {
            ids.add(client.clientId());
        }
        return ids;
    }

    /** Deletes every client whose client id starts with {@code prefix}. */
    public static void deleteClients(String prefix) {
        String admin = adminToken();
        for (Client client : clients(prefix)) {
            RestAssured.given().baseUri(URL).auth().oauth2(admin)
                    .delete("/admin/realms/" + REALM + "/clients/" + client.id());
        }
    }

    private record Client(String id, String clientId) {
    }

    private static List<Client> clients(String prefix) {
        // search=true matches the client id anywhere; keep the ones that start with the prefix.
        List<Map<String, Object>> found = RestAssured.given().baseUri(URL).auth().oauth2(adminToken())
                .queryParam("clientId", prefix).queryParam("search", true).queryParam("max", 1000)
                .get("/admin/realms/" + REALM + "/clients").then().statusCode(200).extract().jsonPath().getList("$");
        List<Client> matching = new ArrayList<>();
        for (Map<String, Object> client : found) {
            String clientId = (String) client.get("clientId");
            if (clientId.startsWith(prefix)) {
                matching.add(new Client((String) client.get("id"), clientId));
            }
        }
        return matching;
    }

    private static String adminToken() {
        return accessToken(ADMIN_CLIENT, ADMIN_SECRET);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
