package live.harvest.testkit.platform;

import io.quarkus.test.junit.QuarkusTest;
import live.harvest.platform.event.EventEnvelope;
import live.harvest.platform.event.Topics;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OutboxRelayTest {

    @Test
    void anEventWrittenThroughTheOutboxReachesKafkaInItsEnvelopeKeyedByAggregate() {
        try (KafkaProbe logistics = KafkaProbe.watch(Topics.LOGISTICS)) {
            // Given a committed change that recorded an event
            UUID shipmentId = UUID.randomUUID();
            given().auth().oauth2(Tokens.admin()).post("/probe/publish/" + shipmentId + "/false")
                    .then().statusCode(200);

            // Then the relay publishes it, keyed by the aggregate id, in the standard envelope
            ConsumerRecord<String, String> record = logistics.await(
                    r -> shipmentId.toString().equals(r.key()), Duration.ofSeconds(20));
            EventEnvelope envelope = KafkaProbe.envelope(record.value());
            assertEquals("logistics.shipment-delivered", envelope.type());
            assertEquals(1, envelope.version());
            assertEquals(shipmentId.toString(), envelope.aggregateId());
            assertNotNull(envelope.eventId());
            assertNotNull(envelope.occurredAt());
            assertEquals(32, envelope.traceId().length());
            assertEquals(envelope.eventId().toString(),
                    new String(record.headers().lastHeader("event-id").value()));
        }
    }

    @Test
    void aChangeThatRollsBackPublishesNothing() {
        try (KafkaProbe logistics = KafkaProbe.watch(Topics.LOGISTICS)) {
            // Given a request whose transaction fails after writing an event
            UUID rolledBack = UUID.randomUUID();
            given().auth().oauth2(Tokens.admin()).post("/probe/publish/" + rolledBack + "/true")
                    .then().statusCode(409);
            // and a later one that commits
            UUID committed = UUID.randomUUID();
            given().auth().oauth2(Tokens.admin()).post("/probe/publish/" + committed + "/false")
                    .then().statusCode(200);

            // When the committed one has been relayed (the relay publishes in order)
            logistics.await(r -> committed.toString().equals(r.key()), Duration.ofSeconds(20));

            // Then the rolled-back one never appeared
            assertTrue(logistics.received().stream().noneMatch(r -> rolledBack.toString().equals(r.key())));
        }
    }
}
