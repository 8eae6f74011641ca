package live.harvest.testkit.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.platform.consumer.EventDispatcher;
import live.harvest.platform.event.EventCodec;
import live.harvest.platform.event.EventEnvelope;
import live.harvest.platform.event.Topics;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentDelivered;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.platform.ProbeFaults.Fault;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dispatcher's three failure classes against the real broker and database: retry, dead-letter, refuse. */
@QuarkusTest
class ConsumerFailureClassesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EventCodec codec;

    @Inject
    ProbeRecords records;

    @Inject
    ProbeFaults faults;

    @Inject
    MeterRegistry meters;

    @Test
    void givenTheDatabaseConnectionIsLostTwice_whenTheEventArrives_thenItIsRetriedAndAppliedExactlyOnceAndNeverDeadLettered() {
        assertRetriedUntilApplied(Fault.CONNECTION_LOST);
    }

    @Test
    void givenTheBackendIsTerminatedDuringHandling_whenTheEventArrives_thenItIsRetriedAndAppliedExactlyOnceAndNeverDeadLettered() {
        assertRetriedUntilApplied(Fault.TERMINATE_BACKEND);
    }

    private void assertRetriedUntilApplied(Fault fault) {
        try (KafkaProbe deadLetters = KafkaProbe.watch(Topics.deadLetter(ProbeEvents.CONSUMER))) {
            // Given the handler's unit of work fails twice with a transient fault
            String recipient = "transient-" + UUID.randomUUID();
            faults.arm(recipient, fault, 2);

            // When the event arrives
            KafkaProbe.send(ProbeEvents.TOPIC, recipient, records.envelopeFor(recipient));

            // Then the third try applies it, exactly once (the two failed tries rolled back with their inbox rows)
            await().atMost(WAIT).until(() -> records.effects(recipient) == 1);
            assertEquals(3, faults.tries(recipient));
            // and a marker sent after it is applied too, without the event ever reaching the dead-letter topic
            String marker = "marker-" + UUID.randomUUID();
            KafkaProbe.send(ProbeEvents.TOPIC, recipient, records.envelopeFor(marker));
            await().atMost(WAIT).until(() -> records.effects(marker) == 1);
            assertEquals(1, records.effects(recipient));
            assertTrue(deadLetters.received().stream().noneMatch(r -> r.value().contains(recipient)));
        }
    }

    @Test
    void givenAnEventMissingARequiredField_whenItArrives_thenItIsDeadLetteredWithTheReasonAndLaterEventsFlow() {
        try (KafkaProbe deadLetters = KafkaProbe.watch(Topics.deadLetter(ProbeEvents.CONSUMER))) {
            // Given a shipment-delivered event without its orderId (a contract violation)
            String recipient = "poison-" + UUID.randomUUID();
            EventEnvelope envelope = codec.wrap(new ShipmentDelivered(UUID.randomUUID(), null, recipient, "proof",
                    Instant.now()), "0".repeat(32));
            KafkaProbe.send(ProbeEvents.TOPIC, recipient, codec.toJson(envelope));
            String after = "after-" + UUID.randomUUID();
            KafkaProbe.send(ProbeEvents.TOPIC, recipient, records.envelopeFor(after));

            // Then it lands on the dead-letter topic with the reason, the event id and type, and the original topic
            ConsumerRecord<String, String> dead = deadLetters.await(r -> r.value().contains(recipient), WAIT);
            assertTrue(header(dead, "dead-letter-reason").contains("orderId"), header(dead, "dead-letter-reason"));
            assertEquals(envelope.eventId().toString(), header(dead, EventDispatcher.HEADER_EVENT_ID));
            assertEquals("logistics.shipment-delivered", header(dead, EventDispatcher.HEADER_EVENT_TYPE));
            assertEquals(KafkaProbe.onBroker(ProbeEvents.TOPIC), header(dead, "dead-letter-topic"));
            // and no handler ran for it, while the event after it is applied
            await().atMost(WAIT).until(() -> records.effects(after) == 1);
            assertEquals(0, records.effects(recipient));
        }
    }

    @Test
    void givenAHandlerRefusesTheEvent_whenItArrives_thenTheRefusalIsCountedAndAckedNotRetriedNorDeadLettered() {
        try (KafkaProbe deadLetters = KafkaProbe.watch(Topics.deadLetter(ProbeEvents.CONSUMER))) {
            // Given the handler refuses events for this recipient ("order not found")
            String recipient = "refused-" + UUID.randomUUID();
            faults.arm(recipient, Fault.REFUSE, 1);
            double refusedBefore = refusals();

            // When the event arrives, followed by a marker on the same partition
            KafkaProbe.send(ProbeEvents.TOPIC, recipient, records.envelopeFor(recipient));
            String marker = "marker-" + UUID.randomUUID();
            KafkaProbe.send(ProbeEvents.TOPIC, recipient, records.envelopeFor(marker));

            // Then the marker is applied after one single try of the refused event, whose change rolled back
            await().atMost(WAIT).until(() -> records.effects(marker) == 1);
            assertEquals(1, faults.tries(recipient));
            assertEquals(0, records.effects(recipient));
            assertTrue(refusals() > refusedBefore);
            assertTrue(deadLetters.received().stream().noneMatch(r -> r.value().contains(recipient)));
        }
    }

    private double refusals() {
        return meters.find("harvest.consumer.events").tag("consumer", ProbeEvents.CONSUMER)
                .tag("outcome", "refused").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
