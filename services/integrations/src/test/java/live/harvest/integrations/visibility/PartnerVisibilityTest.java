package live.harvest.integrations.visibility;

import io.quarkus.test.junit.QuarkusTest;
import live.harvest.integrations.support.HistoryReader;
import live.harvest.integrations.support.Partners;
import live.harvest.platform.security.Scopes;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static live.harvest.testkit.Problems.assertProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** An admin sets what a partner may see; malformed grants are refused and leave the grant as it was. */
@QuarkusTest
class PartnerVisibilityTest {

    @AfterEach
    void deleteTheClientsThisTestCreated() {
        Partners.deleteTestClients();
    }

    @Test
    void givenANewPartner_whenAnAdminSetsItsVisibility_thenItIsStoredAndReplacedAsAWhole() {
        String id = (String) Partners.registered("visible", "PAYMENT_PROVIDER", Scopes.EVENTS_READ).get("id");
        visibilityOf(id).statusCode(200).body("counties.size()", equalTo(0)).body("paymentPartnerId", nullValue())
                .body("kind", equalTo("PAYMENT_PROVIDER"));

        HistoryReader.setVisibility(id, List.of("330127", "330106"), List.of("CTR-330127"), "acme-pay")
                .statusCode(200).body("counties", equalTo(List.of("330106", "330127")))
                .body("sites", equalTo(List.of("CTR-330127"))).body("paymentPartnerId", equalTo("acme-pay"))
                .body("updatedAt", notNullValue());
        HistoryReader.setVisibility(id, List.of("520102"), List.of(), "acme-pay-2").statusCode(200);

        visibilityOf(id).statusCode(200).body("counties", equalTo(List.of("520102")))
                .body("sites.size()", equalTo(0)).body("paymentPartnerId", equalTo("acme-pay-2"));
    }

    @Test
    void givenMalformedGrants_whenSet_then400AndTheGrantIsUnchanged() {
        String courier = (String) Partners.registered("courier", "COURIER", Scopes.EVENTS_READ).get("id");
        HistoryReader.setVisibility(courier, List.of(), List.of("STN-1"), null).statusCode(200);

        assertProblem(HistoryReader.setVisibility(courier, List.of("33012"), List.of(), null), 400)
                .body("errors[0].field", containsString("counties"));
        assertProblem(HistoryReader.setVisibility(courier, List.of("033012"), List.of(), null), 400);
        assertProblem(HistoryReader.setVisibility(courier, List.of(), List.of("stn-1"), null), 400)
                .body("errors[0].field", containsString("sites"));
        assertProblem(HistoryReader.setVisibility(courier, List.of(), List.of("STN 1"), null), 400);
        assertProblem(HistoryReader.setVisibility(courier, List.of(), List.of(), "acme-pay"), 400)
                .body("errors[0].field", equalTo("paymentPartnerId"));
        assertProblem(given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(Map.of("counties", List.of())).put("/api/v1/partners/" + courier + "/visibility").then(), 400);

        visibilityOf(courier).statusCode(200).body("sites", equalTo(List.of("STN-1")));
    }

    @Test
    void givenNoSuchPartnerOrANonAdmin_whenTheVisibilityIsSetOrRead_then404Or403() {
        String unknown = UUID.randomUUID().toString();
        assertProblem(HistoryReader.setVisibility(unknown, List.of(), List.of(), null), 404);
        assertProblem(visibilityOf(unknown), 404);
        String id = (String) Partners.registered("self-serve", "COURIER", Scopes.EVENTS_READ).get("id");
        for (String token : List.of(Tokens.partner(Scopes.ALL.toArray(String[]::new)),
                Tokens.operator("CTR-330127"), Tokens.seller(UUID.randomUUID()))) {
            assertProblem(given().auth().oauth2(token).contentType("application/json")
                    .body(Map.of("counties", List.of("330127"), "sites", List.of()))
                    .put("/api/v1/partners/" + id + "/visibility").then(), 403);
            assertProblem(given().auth().oauth2(token).get("/api/v1/partners/" + id + "/visibility").then(), 403);
        }
    }

    private static io.restassured.response.ValidatableResponse visibilityOf(String id) {
        return given().auth().oauth2(Tokens.admin()).get("/api/v1/partners/" + id + "/visibility").then();
    }
}
