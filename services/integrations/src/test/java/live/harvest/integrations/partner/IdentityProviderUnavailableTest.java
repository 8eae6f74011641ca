package live.harvest.integrations.partner;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import live.harvest.integrations.support.KeycloakRealm;
import live.harvest.integrations.support.Partners;
import live.harvest.platform.security.Scopes;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static live.harvest.testkit.Problems.assertProblem;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The service's admin API endpoint points at a port nothing listens on: Keycloak is unreachable for it. */
@QuarkusTest
@TestProfile(IdentityProviderUnavailableTest.KeycloakUnreachable.class)
class IdentityProviderUnavailableTest {

    public static class KeycloakUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.keycloak.admin-client.server-url", "http://127.0.0.1:1");
        }
    }

    @Test
    void givenKeycloakIsUnreachable_whenRegisteringAPartner_then503AndNothingIsRegistered() {
        String name = Partners.uniqueName("no-idp");

        String admin = Tokens.admin();

        assertProblem(given().auth().oauth2(admin).contentType("application/json")
                .body(Partners.body(name, "COURIER", List.of(Scopes.SHIPMENTS_READ))).post("/api/v1/partners").then(),
                503)
                .body("type", endsWith("/identity-provider-unavailable"))
                .header("Retry-After", "5");

        given().auth().oauth2(admin).queryParam("size", 100).get("/api/v1/partners").then()
                .statusCode(200).body("items.name", not(hasItem(name)));
        assertEquals(List.of(), KeycloakRealm.clientIds(Partners.clientPrefixOf(name)));
    }
}
