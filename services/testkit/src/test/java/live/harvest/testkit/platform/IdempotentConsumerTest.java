package live.harvest.testkit.platform;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.platform.event.Topics;
import live.harvest.testkit.KafkaProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class IdempotentConsumerTest {

    @Inject
    ProbeRecords records;

    @Test
    void aRedeliveredEventIsAppliedOnlyOnce() {
        // Given one event delivered three times (as a producer retry or a relay crash would do)
        String recipient = "dup-" + UUID.randomUUID();
        String record = records.envelopeFor(recipient);
        for (int i = 0; i < 3; i++) {
            KafkaProbe.send(ProbeEvents.TOPIC, "k", record);
        }
        // and a marker event sent after them, to know when all three were consumed
        String marker = "marker-" + UUID.randomUUID();
        KafkaProbe.send(ProbeEvents.TOPIC, "k", records.envelopeFor(marker));

        // Then once the marker is applied, the duplicated event took effect exactly once
        await().atMost(Duration.ofSeconds(30)).until(() -> records.effects(marker) == 1);
        assertEquals(1, records.effects(recipient));
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndLaterMessagesStillFlow() {
        try (KafkaProbe deadLetters = KafkaProbe.watch(Topics.deadLetter("platform-test"))) {
            // Given a record that is not an event, followed by a good one on the same partition
            String poison = "{not an envelope " + UUID.randomUUID();
            KafkaProbe.send(ProbeEvents.TOPIC, "k", poison);
            String after = "after-" + UUID.randomUUID();
            KafkaProbe.send(ProbeEvents.TOPIC, "k", records.envelopeFor(after));

            // Then the poison lands on the dead-letter topic with its reason
            ConsumerRecord<String, String> dead = deadLetters.await(r -> poison.equals(r.value()), Duration.ofSeconds(30));
            assertEquals(KafkaProbe.onBroker(ProbeEvents.TOPIC),
                    new String(dead.headers().lastHeader("dead-letter-topic").value()));
            // and the good one after it is still applied
            await().atMost(Duration.ofSeconds(30)).until(() -> records.effects(after) == 1);
        }
    }
}
