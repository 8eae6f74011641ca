package live.harvest.testkit.platform;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.platform.consumer.DeadLetterReplay;
import live.harvest.platform.event.Topics;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Problems;
import live.harvest.testkit.Tokens;
import live.harvest.testkit.platform.ProbeFaults.Fault;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class DeadLetterReplayTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REPLAY = "/api/v1/admin/dead-letters/replay";

    @Inject
    ProbeRecords records;

    @Inject
    ProbeFaults faults;

    @Test
    void givenARecordDeadLetteredByADefectThatIsNowFixed_whenAnAdminReplaysIt_thenItIsRepublishedAndApplied() {
        try (KafkaProbe deadLetters = KafkaProbe.watch(Topics.deadLetter(ProbeEvents.CONSUMER));
             KafkaProbe probeTopic = KafkaProbe.watch(ProbeEvents.TOPIC)) {
            // Given an event the handler failed on with a defect, once (so it was dead-lettered, not applied)
            String recipient = "replay-" + UUID.randomUUID();
            faults.arm(recipient, Fault.DEFECT, 1);
            KafkaProbe.send(ProbeEvents.TOPIC, recipient, records.envelopeFor(recipient));
            ConsumerRecord<String, String> dead = deadLetters.await(r -> r.value().contains(recipient), WAIT);
            assertEquals(0, records.effects(recipient));

            // When an admin replays exactly that dead letter (the defect is "fixed": the fault is spent)
            given().auth().oauth2(Tokens.admin()).contentType("application/json")
                    .body(Map.of("topic", ProbeEvents.TOPIC, "partition", dead.partition(), "fromOffset", dead.offset(),
                            "max", 1))
                    .post(REPLAY)
                    .then().statusCode(200)
                    .body("replayed", equalTo(1))
                    .body("deadLetterTopic", equalTo(KafkaProbe.onBroker(Topics.deadLetter(ProbeEvents.CONSUMER))));

            // Then it is back on its original topic, same key and value, marked as replayed
            ConsumerRecord<String, String> again = probeTopic.await(
                    r -> r.value().equals(dead.value()) && r.headers().lastHeader(DeadLetterReplay.HEADER_REPLAYED_FROM) != null,
                    WAIT);
            assertEquals(recipient, again.key());
            // and the consumer applies it this time, once
            await().atMost(WAIT).until(() -> records.effects(recipient) == 1);
        }
    }

    @Test
    void givenACallerWhoIsNotAnAdmin_whenReplaying_thenItIsForbidden() {
        given().auth().oauth2(Tokens.operator("CTR-330127")).contentType("application/json")
                .body(Map.of("max", 1)).post(REPLAY)
                .then().statusCode(403);
    }

    @Test
    void givenTheServedOpenApiDocument_thenTheOperatorEndpointIsPublishedForAdminsOnly() {
        io.restassured.path.json.JsonPath spec = given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("admin"),
                spec.getList("paths.'/api/v1/admin/dead-letters/replay'.post.security[0].SecurityScheme"));
    }

    @Test
    void givenNoMax_whenReplaying_thenTheRequestIsInvalid() {
        Problems.assertProblem(given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(Map.of("topic", ProbeEvents.TOPIC)).post(REPLAY).then(), 400);
    }
}
