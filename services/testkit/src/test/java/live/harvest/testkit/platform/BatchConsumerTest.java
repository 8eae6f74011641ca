package live.harvest.testkit.platform;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.platform.consumer.EventDispatcher;
import live.harvest.platform.event.Topics;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.platform.ProbeFaults.Fault;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A channel with {@code batch=true} (ADR 0027) against the real broker and database: a poll's records commit in one
 * transaction, and the failure classes of ADR 0010 hold record by record. Each test sends its records in one produce
 * request ({@link KafkaProbe#sendTogether}), which the consumer fetches in one poll.
 */
@QuarkusTest
class BatchConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DEAD_LETTERS = Topics.deadLetter(ProbeEvents.CONSUMER);

    @Inject
    ProbeRecords records;

    @Inject
    ProbeFaults faults;

    @Test
    void givenAPollOfGoodEvents_whenTheyArrive_thenEachIsAppliedOnceAndAllCommitInOneTransaction() {
        // Given five events sent together
        List<String> recipients = recipients("good", 5);
        List<String> envelopes = recipients.stream().map(records::envelopeFor).toList();

        // When they arrive
        KafkaProbe.sendTogether(ProbeEvents.BATCH_TOPIC, key(), envelopes);

        // Then each is applied once, and their inbox rows were written by one transaction
        awaitAppliedOnce(recipients);
        assertEquals(1, records.transactionsOf(ProbeEvents.BATCH_CONSUMER, envelopes));
    }

    @Test
    void givenAHandlerDefectInTheMiddleOfABatch_whenItArrives_thenOnlyItIsDeadLetteredAndTheOthersAreAppliedOnce() {
        try (KafkaProbe deadLetters = KafkaProbe.watch(DEAD_LETTERS)) {
            // Given five events whose third one meets a defect in its handler, every time
            // When they arrive together
            Five five = sendFiveFailingTheThird(Fault.DEFECT, 100);
            List<String> recipients = five.recipients();
            List<String> envelopes = five.envelopes();
            String poison = recipients.get(2);

            // Then the poison lands on the dead-letter topic with its event id and failure class
            ConsumerRecord<String, String> dead = deadLetters.await(r -> r.value().contains(poison), WAIT);
            assertEquals(KafkaProbe.envelope(envelopes.get(2)).eventId().toString(),
                    header(dead, EventDispatcher.HEADER_EVENT_ID));
            assertEquals("POISON", header(dead, EventDispatcher.HEADER_FAILURE_CLASS));
            assertEquals(KafkaProbe.onBroker(ProbeEvents.BATCH_TOPIC), header(dead, "dead-letter-topic"));
            // and its four neighbours are applied exactly once, each in its own transaction (the batch rolled back,
            // then went one by one), while the poison's change never committed
            List<String> neighbours = without(recipients, poison);
            awaitAppliedOnce(neighbours);
            assertEquals(0, records.effects(poison));
            assertEquals(2, faults.tries(poison)); // once in the batch, once alone
            assertEquals(4, records.transactionsOf(ProbeEvents.BATCH_CONSUMER, without(envelopes, envelopes.get(2))));
            // and nothing else was dead-lettered
            assertTrue(deadLetters.received().stream().noneMatch(r -> neighbours.stream().anyMatch(r.value()::contains)));
        }
    }

    @Test
    void givenAContractViolationInTheMiddleOfABatch_whenItArrives_thenItIsDeadLetteredAndTheOthersStillCommitTogether() {
        try (KafkaProbe deadLetters = KafkaProbe.watch(DEAD_LETTERS)) {
            // Given a shipment-delivered without its orderId between four good events
            List<String> recipients = recipients("contract", 4);
            String poison = "contract-poison-" + UUID.randomUUID();
            List<String> good = recipients.stream().map(records::envelopeFor).toList();
            List<String> envelopes = new ArrayList<>(good);
            envelopes.add(2, records.withoutOrderId(poison));

            // When they arrive together
            KafkaProbe.sendTogether(ProbeEvents.BATCH_TOPIC, key(), envelopes);

            // Then the violation is dead-lettered with the field named
            ConsumerRecord<String, String> dead = deadLetters.await(r -> r.value().contains(poison), WAIT);
            assertTrue(header(dead, "dead-letter-reason").contains("orderId"), header(dead, "dead-letter-reason"));
            // and, since it was refused before any transaction, the four good ones still commit in one
            awaitAppliedOnce(recipients);
            assertEquals(0, records.effects(poison));
            assertEquals(1, records.transactionsOf(ProbeEvents.BATCH_CONSUMER, good));
        }
    }

    @Test
    void givenARefusalInTheMiddleOfABatch_whenItArrives_thenItIsAckedNotDeadLetteredAndTheOthersAreAppliedOnce() {
        try (KafkaProbe deadLetters = KafkaProbe.watch(DEAD_LETTERS)) {
            // Given five events whose third one a business rule refuses ("order not found")
            // When they arrive together
            List<String> recipients = sendFiveFailingTheThird(Fault.REFUSE, 100).recipients();
            String refused = recipients.get(2);

            // Then the others are applied once, the refused one's change rolled back, and it was not retried alone
            // beyond its one own try, nor dead-lettered
            awaitAppliedOnce(without(recipients, refused));
            assertEquals(0, records.effects(refused));
            assertEquals(2, faults.tries(refused));
            assertTrue(deadLetters.received().stream().noneMatch(r -> r.value().contains(refused)));
        }
    }

    @Test
    void givenDuplicatesWithinABatchAndAcrossBatches_whenTheyArrive_thenEachEventIsAppliedOnce() {
        // Given event a twice in one batch with b, then a, b and a new c in a second batch
        String a = "dup-a-" + UUID.randomUUID();
        String b = "dup-b-" + UUID.randomUUID();
        String c = "dup-c-" + UUID.randomUUID();
        String eventA = records.envelopeFor(a);
        String eventB = records.envelopeFor(b);
        String key = key();

        // When both batches arrive
        KafkaProbe.sendTogether(ProbeEvents.BATCH_TOPIC, key, List.of(eventA, eventA, eventB));
        awaitAppliedOnce(List.of(a, b));
        KafkaProbe.sendTogether(ProbeEvents.BATCH_TOPIC, key, List.of(eventA, eventB, records.envelopeFor(c)));

        // Then, once c is applied, a and b still took effect exactly once
        awaitAppliedOnce(List.of(c));
        assertEquals(1, records.effects(a));
        assertEquals(1, records.effects(b));
    }

    @Test
    void givenTheBackendIsTerminatedMidBatch_whenTheBatchArrives_thenTheBatchIsRetriedAndCommitsOnceNeverDeadLettered() {
        // Given the third of five events makes PostgreSQL end its connection, twice: the third try of the whole
        // batch commits all five at once
        assertRetriedUntilApplied(Fault.TERMINATE_BACKEND, 2, 1);
    }

    @Test
    void givenATransientFailureOutlastingTheBatchTries_whenTheBatchArrives_thenItsRecordsGoOneByOneAndAllAreApplied() {
        // Given the third of five events loses its connection four times: after three tries of the batch, the records
        // go one by one (five transactions), the third retried alone until it commits
        assertRetriedUntilApplied(Fault.CONNECTION_LOST, 4, 5);
    }

    private void assertRetriedUntilApplied(Fault fault, int failures, int transactions) {
        try (KafkaProbe deadLetters = KafkaProbe.watch(DEAD_LETTERS)) {
            // When they arrive together
            Five five = sendFiveFailingTheThird(fault, failures);
            List<String> recipients = five.recipients();
            List<String> envelopes = five.envelopes();

            // Then each is applied exactly once, after one more try than there were failures
            awaitAppliedOnce(recipients);
            assertEquals(failures + 1, faults.tries(recipients.get(2)));
            assertEquals(transactions, records.transactionsOf(ProbeEvents.BATCH_CONSUMER, envelopes));
            // and nothing reached the dead-letter topic
            assertTrue(deadLetters.received().stream().noneMatch(r -> recipients.stream().anyMatch(r.value()::contains)));
        }
    }

    private record Five(List<String> recipients, List<String> envelopes) {
    }

    /** Sends five events in one produce request; the next {@code times} handlings of the third fail with {@code fault}. */
    private Five sendFiveFailingTheThird(Fault fault, int times) {
        List<String> recipients = recipients(fault.name().toLowerCase(Locale.ROOT), 5);
        faults.arm(recipients.get(2), fault, times);
        List<String> envelopes = recipients.stream().map(records::envelopeFor).toList();
        KafkaProbe.sendTogether(ProbeEvents.BATCH_TOPIC, key(), envelopes);
        return new Five(recipients, envelopes);
    }

    private void awaitAppliedOnce(List<String> recipients) {
        await().atMost(WAIT).until(() -> recipients.stream().allMatch(r -> records.effects(r) >= 1));
        for (String recipient : recipients) {
            assertEquals(1, records.effects(recipient), recipient);
        }
    }

    private static List<String> recipients(String prefix, int count) {
        List<String> names = new ArrayList<>();
        String run = UUID.randomUUID().toString();
        for (int i = 0; i < count; i++) {
            names.add(prefix + "-" + i + "-" + run);
        }
        return names;
    }

    private static List<String> without(List<String> all, String one) {
        return all.stream().filter(s -> !s.equals(one)).toList();
    }

    private static String key() {
        return "batch-" + UUID.randomUUID();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
