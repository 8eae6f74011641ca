package live.harvest.integrations.partner;

import io.quarkus.test.junit.QuarkusTest;
import live.harvest.integrations.support.KeycloakRealm;
import live.harvest.integrations.support.Partners;
import live.harvest.platform.security.Scopes;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static live.harvest.testkit.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class PartnerCredentialsTest {

    @AfterEach
    void deleteTheClientsThisTestCreated() {
        Partners.deleteTestClients();
    }

    @Test
    void givenARegisteredPartner_whenItsSecretIsRotated_thenTheOldSecretIsRefusedAndTheNewOneWorks() {
        Map<String, Object> partner = Partners.registered("rotated", "PAYMENT_PROVIDER", Scopes.PAYMENTS_WRITE);
        String clientId = (String) partner.get("clientId");
        String oldSecret = (String) partner.get("clientSecret");

        String newSecret = given().auth().oauth2(Tokens.admin())
                .post("/api/v1/partners/" + partner.get("id") + "/secret").then()
                .statusCode(200)
                .body("id", equalTo(partner.get("id")))
                .body("clientId", equalTo(clientId))
                .body("clientSecret", notNullValue())
                .body("clientSecret", not(equalTo(oldSecret)))
                .extract().path("clientSecret");

        KeycloakRealm.requestToken(clientId, oldSecret).then().statusCode(401);
        KeycloakRealm.requestToken(clientId, newSecret).then().statusCode(200);
    }

    @Test
    void givenARegisteredPartner_whenDisabled_thenKeycloakRefusesItsTokenRequestsAndDisablingAgainChangesNothing() {
        Map<String, Object> partner = Partners.registered("disabled", "COURIER", Scopes.SHIPMENTS_WRITE);
        String clientId = (String) partner.get("clientId");
        String secret = (String) partner.get("clientSecret");
        KeycloakRealm.requestToken(clientId, secret).then().statusCode(200);

        String disabledAt = given().auth().oauth2(Tokens.admin())
                .post("/api/v1/partners/" + partner.get("id") + "/disable").then()
                .statusCode(200).body("status", equalTo("DISABLED")).extract().path("updatedAt");

        KeycloakRealm.requestToken(clientId, secret).then().statusCode(401);
        given().auth().oauth2(Tokens.admin()).post("/api/v1/partners/" + partner.get("id") + "/disable").then()
                .statusCode(200).body("status", equalTo("DISABLED")).body("updatedAt", equalTo(disabledAt));
        given().auth().oauth2(Tokens.admin()).get("/api/v1/partners/" + partner.get("id")).then()
                .statusCode(200).body("status", equalTo("DISABLED"));
    }

    @Test
    void givenADisabledPartner_whenEnabledAgain_thenItsSecretGetsTokensAgain() {
        Map<String, Object> partner = Partners.registered("re-enabled", "COURIER", Scopes.SHIPMENTS_READ);
        String clientId = (String) partner.get("clientId");
        String secret = (String) partner.get("clientSecret");
        given().auth().oauth2(Tokens.admin()).post("/api/v1/partners/" + partner.get("id") + "/disable").then()
                .statusCode(200);

        given().auth().oauth2(Tokens.admin()).post("/api/v1/partners/" + partner.get("id") + "/enable").then()
                .statusCode(200).body("status", equalTo("ACTIVE"));

        KeycloakRealm.requestToken(clientId, secret).then().statusCode(200);
    }

    @Test
    void givenNoSuchPartner_whenRotatingOrDisabling_then404() {
        String unknown = "/api/v1/partners/" + UUID.randomUUID();

        assertProblem(given().auth().oauth2(Tokens.admin()).post(unknown + "/secret").then(), 404);
        assertProblem(given().auth().oauth2(Tokens.admin()).post(unknown + "/disable").then(), 404);
        assertProblem(given().auth().oauth2(Tokens.admin()).get(unknown).then(), 404);
    }
}
