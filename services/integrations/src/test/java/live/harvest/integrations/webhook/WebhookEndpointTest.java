package live.harvest.integrations.webhook;

import io.quarkus.test.junit.QuarkusTest;
import live.harvest.integrations.support.Partners;
import live.harvest.integrations.support.WebhookPartner;
import live.harvest.platform.security.Scopes;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static live.harvest.testkit.Problems.assertProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** The webhook endpoint API as partners use it: scopes, ownership, the SSRF guard and the visibility filter. */
@QuarkusTest
class WebhookEndpointTest {

    private static final String ENDPOINTS = "/api/v1/webhooks/endpoints";

    @AfterAll
    static void deleteTheClientsThisClassCreated() {
        Partners.deleteTestClients();
    }

    private static String county() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
    }

    private static WebhookPartner subscriber(String... counties) {
        return WebhookPartner.countyCentre(List.of(counties), Scopes.WEBHOOKS_MANAGE, Scopes.EVENTS_READ);
    }

    @Test
    void givenAPartnerWithWebhooksManage_whenItRegistersAnEndpoint_thenItGetsTheSecretOnceAndCanReadTheEndpoint() {
        WebhookPartner partner = subscriber(county());

        Map<String, Object> created = partner.call()
                .body(Map.of("url", "http://127.0.0.1:9/hooks", "eventTypes", List.of("orders.*", "orders.order-paid"),
                        "description", "ops"))
                .post(ENDPOINTS).then().statusCode(201)
                .header("Location", containsString(ENDPOINTS + "/"))
                .body("secret", startsWith("whsec_"))
                .body("endpoint.enabled", equalTo(true))
                .body("endpoint.eventTypes", equalTo(List.of("orders.*", "orders.order-paid")))
                .extract().jsonPath().getMap("endpoint");
        String id = (String) created.get("id");

        partner.call().get(ENDPOINTS + "/" + id).then().statusCode(200)
                .body("url", equalTo("http://127.0.0.1:9/hooks")).body("description", equalTo("ops"))
                .body("secret", nullValue());
        partner.call().get(ENDPOINTS).then().statusCode(200).body("items.id", equalTo(List.of(id)))
                .body("total", equalTo(1));
    }

    @Test
    void givenAnIdempotencyKey_whenTheCreationIsRetried_thenTheSameEndpointWithoutSecretAndAnotherBodyIs422() {
        WebhookPartner partner = subscriber(county());
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("url", "http://127.0.0.1:9/a", "eventTypes", List.of("orders.*"));

        String id = partner.call().header("Idempotency-Key", key).body(body).post(ENDPOINTS).then().statusCode(201)
                .extract().path("endpoint.id");
        partner.call().header("Idempotency-Key", key).body(body).post(ENDPOINTS).then().statusCode(200)
                .body("endpoint.id", equalTo(id)).body("secret", nullValue()).body("note", notNullValue());
        assertProblem(partner.call().header("Idempotency-Key", key)
                .body(Map.of("url", "http://127.0.0.1:9/b", "eventTypes", List.of("orders.*")))
                .post(ENDPOINTS).then(), 422).body("type", containsString("idempotency-key-reused"));
        partner.call().get(ENDPOINTS).then().body("total", equalTo(1));
    }

    @Test
    void givenUrlsThatReachInside_whenRegistered_thenEachIs400AndNothingIsCreated() throws Exception {
        WebhookPartner partner = subscriber(county());
        String hostname = InetAddress.getLocalHost().getHostName(); // resolves to this machine, not allowlisted
        List<String> refused = List.of("https://10.0.0.5/hook", "https://169.254.169.254/latest/meta-data/",
                "https://[::1]/hook", "https://[::ffff:127.0.0.1]/", "https://192.168.1.10/",
                "https://100.64.1.1/", "https://[fd00::1]/", "http://localhost:8085/", "https://" + hostname + "/hook",
                "https://metadata.google.internal/", "https://user:pw@127.0.0.1/", "ftp://127.0.0.1/",
                "https://no-such-host.invalid/");
        for (String url : refused) {
            assertProblem(partner.call().body(Map.of("url", url, "eventTypes", List.of("orders.*")))
                    .post(ENDPOINTS).then(), 400).body("errors.field", hasItem("url"));
        }
        partner.call().get(ENDPOINTS).then().body("total", equalTo(0));
    }

    @Test
    void givenAnUpdateToAPrivateAddress_thenItIs400AndTheEndpointIsUnchanged() {
        WebhookPartner partner = subscriber(county());
        String id = partner.subscribe("http://127.0.0.1:9/ok", List.of("orders.*")).get("endpoint") instanceof Map<?, ?> m
                ? (String) m.get("id") : null;

        assertProblem(partner.call().body(Map.of("url", "https://10.0.0.5/hook")).patch(ENDPOINTS + "/" + id).then(),
                400);
        partner.call().get(ENDPOINTS + "/" + id).then().body("url", equalTo("http://127.0.0.1:9/ok"));
    }

    @Test
    void givenAnotherPartnersEndpoint_whenReadChangedOrDeleted_thenItIs404() {
        WebhookPartner owner = subscriber(county());
        WebhookPartner other = subscriber(county());
        String id = (String) ((Map<?, ?>) owner.subscribe("http://127.0.0.1:9/x", List.of("orders.*"))
                .get("endpoint")).get("id");

        assertProblem(other.call().get(ENDPOINTS + "/" + id).then(), 404);
        assertProblem(other.call().body(Map.of("enabled", false)).patch(ENDPOINTS + "/" + id).then(), 404);
        assertProblem(other.call().post(ENDPOINTS + "/" + id + "/secret").then(), 404);
        assertProblem(other.call().get(ENDPOINTS + "/" + id + "/deliveries").then(), 404);
        assertProblem(other.call().delete(ENDPOINTS + "/" + id).then(), 404);
        other.call().get(ENDPOINTS).then().body("total", equalTo(0));
        owner.call().get(ENDPOINTS + "/" + id).then().statusCode(200).body("enabled", equalTo(true));
    }

    @Test
    void givenAPartnerWithoutWebhooksManageOrAnotherRole_whenItCallsTheApi_thenItIs403OrWithoutTokenIs401() {
        WebhookPartner reader = WebhookPartner.countyCentre(List.of(county()), Scopes.EVENTS_READ);

        assertProblem(reader.call().body(Map.of("url", "http://127.0.0.1:9/x", "eventTypes", List.of("orders.*")))
                .post(ENDPOINTS).then(), 403);
        assertProblem(reader.call().get(ENDPOINTS).then(), 403);
        assertProblem(given().auth().oauth2(Tokens.admin()).get(ENDPOINTS).then(), 403);
        assertProblem(given().get(ENDPOINTS).then(), 401);
    }

    @Test
    void givenAFilterOutsideTheGrantOrAnUnknownType_whenRegistered_thenItIsRefused() {
        String mine = county();
        WebhookPartner partner = subscriber(mine);

        assertProblem(partner.call().body(Map.of("url", "http://127.0.0.1:9/x", "eventTypes", List.of("orders.*"),
                "counties", List.of(mine, "999999"))).post(ENDPOINTS).then(), 422)
                .body("type", containsString("filter-outside-visibility"));
        assertProblem(partner.call().body(Map.of("url", "http://127.0.0.1:9/x",
                "eventTypes", List.of("orders.order-teleported"))).post(ENDPOINTS).then(), 400)
                .body("errors.field", hasItem("eventTypes[0]"));
        assertProblem(partner.call().body(Map.of("url", "http://127.0.0.1:9/x", "eventTypes", List.of("weather.*")))
                .post(ENDPOINTS).then(), 400);
        partner.call().body(Map.of("url", "http://127.0.0.1:9/x", "eventTypes", List.of("orders.*"),
                "counties", List.of(mine))).post(ENDPOINTS).then().statusCode(201)
                .body("endpoint.counties", equalTo(List.of(mine)));
    }

    @Test
    void givenAnEndpoint_whenPatchedAndDeleted_thenTheChangesShowAndItIsGone() {
        WebhookPartner partner = subscriber(county());
        String id = (String) ((Map<?, ?>) partner.subscribe("http://127.0.0.1:9/x", List.of("orders.*"))
                .get("endpoint")).get("id");

        partner.call().body(Map.of("url", "http://127.0.0.1:9/y", "eventTypes", List.of("logistics.*"),
                "enabled", false)).patch(ENDPOINTS + "/" + id).then().statusCode(200)
                .body("url", equalTo("http://127.0.0.1:9/y")).body("eventTypes", equalTo(List.of("logistics.*")))
                .body("enabled", equalTo(false)).body("disabledReason", equalTo("disabled by the partner"));
        partner.call().body(Map.of("enabled", true)).patch(ENDPOINTS + "/" + id).then().statusCode(200)
                .body("enabled", equalTo(true)).body("disabledReason", nullValue());
        String rotated = partner.call().post(ENDPOINTS + "/" + id + "/secret").then().statusCode(200)
                .body("previousValidUntil", notNullValue()).extract().path("secret");
        org.junit.jupiter.api.Assertions.assertTrue(rotated.startsWith("whsec_"));

        partner.call().delete(ENDPOINTS + "/" + id).then().statusCode(204);
        assertProblem(partner.call().get(ENDPOINTS + "/" + id).then(), 404);
        partner.call().get(ENDPOINTS).then().body("items", not(hasItem(id)));
    }
}
