package live.harvest.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Tokens from the platform's OpenID Connect provider (the local Keycloak realm {@code harvest} that
 * {@code deploy/local/infra.sh} starts): client credentials for partners and services, the password grant of the
 * demo app for demo users. Realm contents: deploy/local/keycloak/README.md.
 */
public final class Keycloak {

    public static final String ISSUER = System.getenv().getOrDefault("OIDC_AUTH_SERVER_URL",
            "http://127.0.0.1:8180/realms/harvest");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Keycloak() {
    }

    /** A client-credentials token, e.g. {@code clientToken("partner-courier", "courier-partner-secret")}. */
    public static String clientToken(String clientId, String secret) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** A demo user's token through the public {@code harvest-app} client (demo passwords equal the user name). */
    public static String userToken(String username) {
        return token(Map.of("grant_type", "password", "client_id", "harvest-app", "username", username,
                "password", username, "scope", "openid"));
    }

    private static String token(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(ISSUER + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + form.get("client_id") + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
            JsonNode json = Http.JSON.readTree(response.body());
            return json.get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + ISSUER
                    + " (deploy/local/infra.sh up starts it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
