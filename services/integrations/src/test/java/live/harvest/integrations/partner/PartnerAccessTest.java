package live.harvest.integrations.partner;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import live.harvest.integrations.support.KeycloakRealm;
import live.harvest.integrations.support.Partners;
import live.harvest.platform.security.Scopes;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static live.harvest.testkit.Problems.assertProblem;

/** Only admins administer partners: every other role is refused with 403, no token with 401. */
@QuarkusTest
class PartnerAccessTest {

    private static final String SOME_PARTNER = "/api/v1/partners/" + UUID.randomUUID();
    private static final Map<String, Object> BODY =
            Partners.body(Partners.uniqueName("refused"), "COURIER", List.of(Scopes.SHIPMENTS_READ));

    /** Every endpoint of the resource, as a request to send with a given caller. */
    private static final List<Function<RequestSpecification, io.restassured.response.Response>> ENDPOINTS = List.of(
            r -> r.contentType("application/json").body(BODY).post("/api/v1/partners"),
            r -> r.get("/api/v1/partners"),
            r -> r.get(SOME_PARTNER),
            r -> r.post(SOME_PARTNER + "/secret"),
            r -> r.post(SOME_PARTNER + "/disable"),
            r -> r.post(SOME_PARTNER + "/enable"));

    static Stream<Arguments> nonAdmins() {
        return Stream.of(
                Arguments.of("consumer", Tokens.consumer(UUID.randomUUID())),
                Arguments.of("seller", Tokens.seller(UUID.randomUUID())),
                Arguments.of("operator", Tokens.operator("CTR-330127")),
                Arguments.of("partner", Tokens.partner(Scopes.ALL.toArray(String[]::new))),
                Arguments.of("service", Tokens.service("harvest-orders")));
    }

    @AfterEach
    void deleteTheClientsThisTestCreated() {
        Partners.deleteTestClients();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonAdmins")
    void givenANonAdminToken_whenCallingAnyPartnerEndpoint_thenForbidden(String role, String token) {
        for (var endpoint : ENDPOINTS) {
            assertProblem(endpoint.apply(given().auth().oauth2(token)).then(), 403);
        }
    }

    @Test
    void givenARealPartnerTokenFromKeycloak_whenCallingAnyPartnerEndpoint_thenForbidden() {
        Map<String, Object> partner = Partners.registered("caller", "PLATFORM", Scopes.WEBHOOKS_MANAGE);
        String token = KeycloakRealm.accessToken((String) partner.get("clientId"),
                (String) partner.get("clientSecret"));

        for (var endpoint : ENDPOINTS) {
            assertProblem(endpoint.apply(given().auth().oauth2(token)).then(), 403);
        }
    }

    @Test
    void givenNoToken_whenCallingAnyPartnerEndpoint_thenUnauthenticated() {
        for (var endpoint : ENDPOINTS) {
            assertProblem(endpoint.apply(given()).then(), 401);
        }
    }
}
