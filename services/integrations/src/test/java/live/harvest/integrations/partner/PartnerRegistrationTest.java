package live.harvest.integrations.partner;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import live.harvest.integrations.support.KeycloakRealm;
import live.harvest.integrations.support.Partners;
import live.harvest.platform.security.Scopes;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static live.harvest.testkit.Problems.assertProblem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PartnerRegistrationTest {

    @AfterEach
    void deleteTheClientsThisTestCreated() {
        Partners.deleteTestClients();
    }

    @Test
    void givenAnAdmin_whenRegisteringAPartnerWithTwoScopes_thenItsOwnTokenCarriesThoseScopesAndThePartnerRole() {
        String name = Partners.uniqueName("courier");

        ExtractableResponse<Response> registered = Partners.register(
                        Partners.body(name, "COURIER", List.of(Scopes.SHIPMENTS_READ, Scopes.EVENTS_READ)))
                .statusCode(201)
                .header("Location", containsString("/api/v1/partners/"))
                .body("id", notNullValue())
                .body("clientId", startsWith(Partners.clientPrefixOf(name)))
                .body("name", equalTo(name))
                .body("kind", equalTo("COURIER"))
                .body("scopes", containsInAnyOrder(Scopes.EVENTS_READ, Scopes.SHIPMENTS_READ))
                .body("contactEmail", equalTo("ops@example.com"))
                .body("status", equalTo("ACTIVE"))
                .body("clientSecret", notNullValue())
                .body("note", nullValue())
                .extract();

        String clientId = registered.path("clientId");
        JsonNode claims = KeycloakRealm.tokenClaims(clientId, registered.path("clientSecret"));
        Set<String> scope = Set.of(claims.path("scope").asText().split(" "));
        assertTrue(scope.containsAll(Set.of(Scopes.SHIPMENTS_READ, Scopes.EVENTS_READ)), "scope: " + scope);
        assertTrue(!scope.contains(Scopes.PAYMENTS_WRITE), "scope: " + scope);
        List<String> groups = new ArrayList<>();
        claims.path("groups").forEach(group -> groups.add(group.asText()));
        assertTrue(groups.contains("partner"), "groups: " + groups);
        assertEquals(clientId, claims.path("azp").asText());
    }

    @Test
    void givenARegisteredPartner_whenAnAdminReadsAndListsPartners_thenItIsThereWithoutItsSecret() {
        Map<String, Object> partner = Partners.registered("listed", "PAYMENT_PROVIDER", Scopes.PAYMENTS_WRITE);

        given().auth().oauth2(Tokens.admin()).get("/api/v1/partners/" + partner.get("id")).then()
                .statusCode(200)
                .body("clientId", equalTo(partner.get("clientId")))
                .body("kind", equalTo("PAYMENT_PROVIDER"))
                .body("scopes", equalTo(List.of(Scopes.PAYMENTS_WRITE)))
                .body("$", not(org.hamcrest.Matchers.hasKey("clientSecret")));
        given().auth().oauth2(Tokens.admin()).queryParam("size", 100).get("/api/v1/partners").then()
                .statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(100))
                .body("items.id", hasItem(partner.get("id")))
                .body("items.clientSecret", not(hasItem(notNullValue())));
    }

    @Test
    void givenAnUnknownScope_whenRegistering_thenRefusedWith400AndNoClientIsCreated() {
        String name = Partners.uniqueName("bad-scope");

        assertProblem(Partners.register(Partners.body(name, "COURIER", List.of(Scopes.SHIPMENTS_READ, "admin:all"))),
                400)
                .body("errors.field", hasItem("scopes[1]"));

        assertEquals(List.of(), KeycloakRealm.clientIds(Partners.clientPrefixOf(name)));
        given().auth().oauth2(Tokens.admin()).queryParam("size", 100).get("/api/v1/partners").then()
                .statusCode(200).body("items.name", not(hasItem(name)));
    }

    @Test
    void givenAnUnknownKind_whenRegistering_thenRefusedWith400AndNoClientIsCreated() {
        String name = Partners.uniqueName("bad-kind");

        assertProblem(Partners.register(Partners.body(name, "BANK", List.of(Scopes.ORDERS_READ))), 400);

        assertEquals(List.of(), KeycloakRealm.clientIds(Partners.clientPrefixOf(name)));
    }

    @Test
    void givenARegistration_whenRetriedWithTheSameIdempotencyKeyAndBody_thenTheSamePartnerWithoutTheSecret() {
        String name = Partners.uniqueName("retried");
        Map<String, Object> body = Partners.body(name, "COUNTY_SERVICE_CENTRE", List.of(Scopes.SHIPMENTS_WRITE));
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = Partners.register(key, body).statusCode(201).extract();

        Partners.register(key, body).statusCode(200)
                .body("id", equalTo(first.path("id")))
                .body("clientId", equalTo(first.path("clientId")))
                .body("$", not(org.hamcrest.Matchers.hasKey("clientSecret")))
                .body("note", containsString("/secret"));

        assertEquals(List.of(first.path("clientId").toString()),
                KeycloakRealm.clientIds(Partners.clientPrefixOf(name)));
    }

    @Test
    void givenAnIdempotencyKey_whenReusedWithAnotherBody_thenRefusedWith422() {
        String key = UUID.randomUUID().toString();
        Partners.register(key, Partners.body(Partners.uniqueName("first"), "PLATFORM", List.of(Scopes.EVENTS_READ)))
                .statusCode(201);
        String other = Partners.uniqueName("second");

        assertProblem(Partners.register(key, Partners.body(other, "PLATFORM", List.of(Scopes.EVENTS_READ))), 422)
                .body("type", endsWith("/idempotency-key-reused"));

        assertEquals(List.of(), KeycloakRealm.clientIds(Partners.clientPrefixOf(other)));
    }

    @Test
    void givenConcurrentRetriesWithOneIdempotencyKey_whenTheyRace_thenOnePartnerAndOneClientRemain() throws Exception {
        String name = Partners.uniqueName("raced");
        Map<String, Object> body = Partners.body(name, "COURIER", List.of(Scopes.SHIPMENTS_READ));
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<ExtractableResponse<Response>>> retries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            retries.add(() -> Partners.register(key, body).extract());
        }

        List<ExtractableResponse<Response>> answers = new ArrayList<>();
        try {
            for (Future<ExtractableResponse<Response>> answer : pool.invokeAll(retries)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }

        Set<Object> ids = new HashSet<>();
        long created = 0;
        for (ExtractableResponse<Response> answer : answers) {
            assertTrue(answer.statusCode() == 201 || answer.statusCode() == 200, answer.asString());
            created += answer.statusCode() == 201 ? 1 : 0;
            ids.add(answer.path("id"));
        }
        assertEquals(1, created, "exactly one registration creates the partner");
        assertEquals(1, ids.size(), "every retry answers with the same partner");
        // The losers' clients were deleted again (compensation): one client is left.
        assertEquals(1, KeycloakRealm.clientIds(Partners.clientPrefixOf(name)).size());
    }
}
