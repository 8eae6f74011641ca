package live.harvest.integrations.webhook;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.integrations.history.EventRecorded;
import live.harvest.integrations.support.DomainEvents;
import live.harvest.integrations.support.Partners;
import live.harvest.integrations.support.Receiver;
import live.harvest.integrations.support.Recorder;
import live.harvest.integrations.support.WebhookPartner;
import live.harvest.platform.event.EventEnvelope;
import live.harvest.platform.security.Scopes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deliveries to real HTTP receivers on 127.0.0.1 (allowlisted in the test profile), checked with an independent HMAC
 * computed here with javax.crypto, not with the service's signer. The test profile's schedule is five attempts
 * 200 ms apart, its request timeout 5 s.
 */
@QuarkusTest
class WebhookDeliveryTest {

    @Inject
    Recorder recorder;

    @Inject
    DomainEvents events;

    @AfterAll
    static void deleteTheClientsThisClassCreated() {
        Partners.deleteTestClients();
    }

    private static String county() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
    }

    /** HMAC-SHA256 of id.timestamp.body under the whsec_ secret's key, base64: written from the spec, not our code. */
    private static String expectedSignature(String whsec, String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(whsec.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> signatures(Receiver.Received request) {
        return List.of(request.header("webhook-signature").split(" "));
    }

    @SuppressWarnings("unchecked")
    private static String endpointId(Map<String, Object> created) {
        return (String) ((Map<String, Object>) created.get("endpoint")).get("id");
    }

    @Test
    void givenASubscribedEndpoint_whenAVisibleEventIsRecorded_thenTheReceiverGetsItSignedAndItVerifiesIndependently()
            throws Exception {
        String county = county();
        WebhookPartner partner = WebhookPartner.countyCentre(List.of(county), Scopes.WEBHOOKS_MANAGE);
        try (Receiver receiver = Receiver.healthy()) {
            Map<String, Object> created = partner.subscribe(receiver.url(), List.of("orders.*"));
            String secret = (String) created.get("secret");

            EventRecorded event = recorder.record("orders.order-paid", county);

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);
            Receiver.Received request = receiver.received().get(0);
            assertEquals(event.eventId().toString(), request.header("webhook-id"));
            assertEquals(event.envelopeJson(), request.body());
            assertEquals("application/json", request.header("content-type"));
            long timestamp = Long.parseLong(request.header("webhook-timestamp"));
            assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 60, "timestamp is now");
            assertEquals(List.of(expectedSignature(secret, request.header("webhook-id"),
                    request.header("webhook-timestamp"), request.body())), signatures(request));

            String endpointId = endpointId(created);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> partner.call()
                    .get("/api/v1/webhooks/endpoints/" + endpointId + "/deliveries").then().statusCode(200)
                    .body("items", hasSize(1))
                    .body("items[0].eventId", equalTo(event.eventId().toString()))
                    .body("items[0].status", equalTo("DELIVERED"))
                    .body("items[0].attempts", equalTo(1)));
        }
    }

    @Test
    void givenAnEnvelopePublishedToKafka_whenTheHistoryRecordsIt_thenTheSubscribedEndpointGetsThatEnvelopeSigned()
            throws Exception {
        String county = DomainEvents.county();
        WebhookPartner partner = WebhookPartner.countyCentre(List.of(county), Scopes.WEBHOOKS_MANAGE);
        try (Receiver receiver = Receiver.healthy()) {
            String secret = (String) partner.subscribe(receiver.url(), List.of("catalog.product-listed"))
                    .get("secret");

            EventEnvelope listed = events.publish(DomainEvents.listed(java.util.UUID.randomUUID(), county));

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);
            Receiver.Received request = receiver.received().get(0);
            assertEquals(listed.eventId().toString(), request.header("webhook-id"));
            assertTrue(request.body().contains(listed.eventId().toString()), request.body());
            assertTrue(request.body().contains("catalog.product-listed"), request.body());
            assertEquals(List.of(expectedSignature(secret, request.header("webhook-id"),
                    request.header("webhook-timestamp"), request.body())), signatures(request));
        }
    }

    @Test
    void givenAReceiverThatFailsThreeTimes_whenAnEventIsRecorded_thenTheFourthAttemptDeliversItWithTheSameWebhookId()
            throws Exception {
        String county = county();
        WebhookPartner partner = WebhookPartner.countyCentre(List.of(county), Scopes.WEBHOOKS_MANAGE);
        try (Receiver receiver = Receiver.failing(3, 503)) {
            Map<String, Object> created = partner.subscribe(receiver.url(), List.of("orders.order-paid"));
            String endpointId = endpointId(created);

            EventRecorded event = recorder.record("orders.order-paid", county);

            await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received().size() == 4);
            for (Receiver.Received request : receiver.received()) {
                assertEquals(event.eventId().toString(), request.header("webhook-id"));
                assertEquals(expectedSignature((String) created.get("secret"), request.header("webhook-id"),
                        request.header("webhook-timestamp"), request.body()), signatures(request).get(0));
            }
            String deliveryId = await().atMost(Duration.ofSeconds(5)).until(() -> partner.call()
                    .get("/api/v1/webhooks/endpoints/" + endpointId + "/deliveries?status=DELIVERED").then()
                    .statusCode(200).extract().jsonPath().getString("items[0].id"), id -> id != null);
            partner.call().get("/api/v1/webhooks/endpoints/" + endpointId + "/deliveries/" + deliveryId).then()
                    .statusCode(200)
                    .body("delivery.attempts", equalTo(4))
                    .body("attempts.attempt", equalTo(List.of(4, 3, 2, 1)))
                    .body("attempts.httpStatus", equalTo(List.of(200, 503, 503, 503)))
                    .body("attempts[0].responseExcerpt", equalTo("{\"received\":4}"));
            // Nothing may follow the success: the count must stay at 4 for as long as a retry would take to come.
            await("nothing after the delivery succeeded").during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(3))
                    .until(() -> receiver.received().size() == 4);
        }
    }

    @Test
    void givenADeadReceiverHoldingItsSlots_whenEventsForAHealthyEndpointAreRecorded_thenEachIsDeliveredFast()
            throws Exception {
        String county = county();
        WebhookPartner partner = WebhookPartner.countyCentre(List.of(county), Scopes.WEBHOOKS_MANAGE);
        try (Receiver dead = Receiver.dead(); Receiver healthy = Receiver.healthy()) {
            partner.subscribe(dead.url(), List.of("orders.order-placed"));
            partner.subscribe(healthy.url(), List.of("orders.order-paid"));
            for (int i = 0; i < 12; i++) {
                recorder.record("orders.order-placed", county);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> dead.received().size() >= 4);

            List<Long> latenciesMs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int before = healthy.received().size();
                long committed = System.nanoTime();
                recorder.record("orders.order-paid", county);
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                        .until(() -> healthy.received().size() == before + 1);
                latenciesMs.add((healthy.received().get(before).arrivedNanos() - committed) / 1_000_000);
            }

            long worst = latenciesMs.stream().mapToLong(Long::longValue).max().orElseThrow();
            assertTrue(worst < 1000, "healthy deliveries took " + latenciesMs + " ms while the dead one hung");
            assertEquals(4, dead.maxConcurrent(), "the dead receiver holds exactly its four slots");
            assertEquals(4, dead.received().size(), "no fifth request to the dead receiver while four hang");
        }
    }

    @Test
    void givenADeliveredEvent_whenRedelivered_thenTheReceiverGetsItAgainWithTheSameWebhookId() throws Exception {
        String county = county();
        WebhookPartner partner = WebhookPartner.countyCentre(List.of(county), Scopes.WEBHOOKS_MANAGE);
        try (Receiver receiver = Receiver.healthy()) {
            String endpointId = endpointId(partner.subscribe(receiver.url(), List.of("orders.*")));
            EventRecorded event = recorder.record("orders.order-cancelled", county);
            String deliveryId = await().atMost(Duration.ofSeconds(10)).until(() -> partner.call()
                    .get("/api/v1/webhooks/endpoints/" + endpointId + "/deliveries?status=DELIVERED").then()
                    .extract().jsonPath().getString("items[0].id"), id -> id != null);

            partner.call().post("/api/v1/webhooks/endpoints/" + endpointId + "/deliveries/" + deliveryId
                    + "/redeliver").then().statusCode(202).body("status", equalTo("PENDING"));

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 2);
            assertEquals(event.eventId().toString(), receiver.received().get(1).header("webhook-id"));
            assertEquals(receiver.received().get(0).body(), receiver.received().get(1).body());
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> partner.call()
                    .get("/api/v1/webhooks/endpoints/" + endpointId + "/deliveries/" + deliveryId).then()
                    .statusCode(200).body("delivery.status", equalTo("DELIVERED"))
                    .body("attempts.httpStatus", equalTo(List.of(200, 200))));
        }
    }

    @Test
    void givenAReceiverThatAlwaysFails_whenTheScheduleRunsOut_thenTheDeliveryFailsAndTheEndpointIsDisabledWithAReason()
            throws Exception {
        String county = county();
        WebhookPartner partner = WebhookPartner.countyCentre(List.of(county), Scopes.WEBHOOKS_MANAGE);
        try (Receiver receiver = Receiver.always(500)) {
            String endpointId = endpointId(partner.subscribe(receiver.url(), List.of("orders.*")));

            recorder.record("orders.order-paid", county);

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> partner.call()
                    .get("/api/v1/webhooks/endpoints/" + endpointId).then().statusCode(200)
                    .body("enabled", equalTo(false))
                    .body("disabledReason", org.hamcrest.Matchers.containsString("failed all 5 scheduled attempts")));
            assertEquals(5, receiver.received().size());
            partner.call().get("/api/v1/webhooks/endpoints/" + endpointId + "/deliveries?status=FAILED").then()
                    .statusCode(200).body("items", hasSize(1)).body("items[0].attempts", equalTo(5))
                    .body("items[0].lastError", equalTo("HTTP 500"));

            recorder.record("orders.order-paid", county);
            await("a disabled endpoint gets nothing").during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                    .until(() -> receiver.received().size() == 5);
        }
    }

    @Test
    void givenARotatedSecret_whenAnEventIsDelivered_thenItCarriesTheNewAndTheOldSignatureAndBothVerify()
            throws Exception {
        String county = county();
        WebhookPartner partner = WebhookPartner.countyCentre(List.of(county), Scopes.WEBHOOKS_MANAGE);
        try (Receiver receiver = Receiver.healthy()) {
            Map<String, Object> created = partner.subscribe(receiver.url(), List.of("orders.*"));
            String oldSecret = (String) created.get("secret");
            String newSecret = partner.call().post("/api/v1/webhooks/endpoints/" + endpointId(created) + "/secret")
                    .then().statusCode(200).extract().path("secret");

            recorder.record("orders.order-paid", county);

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);
            Receiver.Received request = receiver.received().get(0);
            String id = request.header("webhook-id");
            String ts = request.header("webhook-timestamp");
            assertEquals(List.of(expectedSignature(newSecret, id, ts, request.body()),
                    expectedSignature(oldSecret, id, ts, request.body())), signatures(request));
        }
    }

    @Test
    void givenEventsTheEndpointMustNotGet_whenRecorded_thenNothingIsDelivered() throws Exception {
        String county = county();
        WebhookPartner partner = WebhookPartner.countyCentre(List.of(county), Scopes.WEBHOOKS_MANAGE);
        try (Receiver receiver = Receiver.healthy()) {
            String endpointId = endpointId(partner.subscribe(receiver.url(), List.of("orders.order-paid")));

            recorder.recordThenRollBack("orders.order-paid", county);   // its transaction failed
            recorder.record("orders.order-paid", county());             // another county: not visible
            recorder.record("orders.order-placed", county);             // not subscribed
            EventRecorded wanted = recorder.record("orders.order-paid", county);

            await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.received().isEmpty());
            await("only the wanted event arrives").during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                    .until(() -> receiver.received().size() == 1);
            assertEquals(wanted.eventId().toString(), receiver.received().get(0).header("webhook-id"));
            partner.call().get("/api/v1/webhooks/endpoints/" + endpointId + "/deliveries").then().statusCode(200)
                    .body("total", equalTo(1));
            assertFalse(receiver.received().get(0).body().isEmpty());
        }
    }
}
