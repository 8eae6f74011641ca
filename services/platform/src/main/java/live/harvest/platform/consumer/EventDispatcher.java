package live.harvest.platform.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import live.harvest.platform.consumer.ConsumerTransactions.Abandoned;
import live.harvest.platform.consumer.ConsumerTransactions.Attempt;
import live.harvest.platform.consumer.ConsumerTransactions.Committed;
import live.harvest.platform.consumer.ConsumerTransactions.Failed;
import live.harvest.platform.event.DomainEvent;
import live.harvest.platform.event.EventCodec;
import live.harvest.platform.event.EventEnvelope;
import live.harvest.platform.event.EventTypes;
import live.harvest.platform.event.PoisonMessageException;
import live.harvest.platform.inbox.Inbox;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The one way a service consumes events. Each incoming channel has a one-line {@code @Incoming @Blocking} method
 * that hands its records here, one at a time or a poll's batch at once. Per record: parse the envelope, check the
 * contract, then in ONE transaction record the event id in the inbox and run the handlers registered for its type.
 * Failures are classified ({@link FailureClassifier}, ADR 0010):
 * <ul>
 *   <li>transient: the transaction rolled back; wait and run the whole unit again ({@link ConsumerTransactions}),
 *       without acking, so the partition keeps its order and nothing reaches the dead-letter topic;</li>
 *   <li>poison: nack, which the channel's {@code dead-letter-queue} strategy turns into a record on
 *       {@code harvest.dlq.<service>} with the reason and the event id and type in headers;</li>
 *   <li>business refusal: log, count, ack; a refused event is not retried.</li>
 * </ul>
 * A batch (ADR 0027) is applied in one transaction: the inbox rows of the batch in one statement, the handlers in
 * order, one commit, then the acknowledgement. If that transaction fails for any reason but a transient one (or stays
 * transient after {@code harvest.consumer.batch-tries}), the batch's records are applied one by one as above, so a
 * poison record never rolls back nor blocks its neighbours.
 */
@ApplicationScoped
public class EventDispatcher {

    public static final String HEADER_EVENT_ID = "dead-letter-event-id";
    public static final String HEADER_EVENT_TYPE = "dead-letter-event-type";
    public static final String HEADER_FAILURE_CLASS = "dead-letter-failure-class";

    private static final Logger LOG = Logger.getLogger(EventDispatcher.class);

    /** A record read before any transaction: its envelope and event, or why it is poison. */
    private record Decoded(Message<String> record, EventEnvelope envelope, DomainEvent event, RuntimeException poison) {
    }

    /** What to tell Kafka about one record. */
    private interface Verdict {
    }

    private record Ack() implements Verdict {
    }

    private record DeadLetter(EventEnvelope envelope, Throwable failure) implements Verdict {
    }

    private record Unsettled() implements Verdict {
    }

    private final EventCodec codec;
    private final ContractCheck contracts;
    private final Inbox inbox;
    private final HandlerRegistry handlers;
    private final ConsumerTransactions transactions;
    private final ConsumerConfig config;
    private final EntityManager em;
    private final MeterRegistry meters;

    public EventDispatcher(EventCodec codec, ContractCheck contracts, Inbox inbox, HandlerRegistry handlers,
                           ConsumerTransactions transactions, ConsumerConfig config, EntityManager em,
                           MeterRegistry meters) {
        this.codec = codec;
        this.contracts = contracts;
        this.inbox = inbox;
        this.handlers = handlers;
        this.transactions = transactions;
        this.config = config;
        this.em = em;
        this.meters = meters;
    }

    /**
     * Applies one record for {@code consumer} (the inbox name, one per service and channel) and settles it.
     * Call from an {@code @Incoming @Blocking} method on a worker thread: it blocks while it retries.
     */
    public CompletionStage<Void> dispatch(String consumer, Message<String> record) {
        Decoded decoded = decode(record);
        Verdict verdict = decoded.poison() != null ? poison(consumer, decoded.envelope(), decoded.poison())
                : applyAlone(consumer, decoded);
        if (verdict instanceof DeadLetter dead) {
            return deadLetter(record, dead);
        }
        return verdict instanceof Ack ? record.ack() : new CompletableFuture<>();
    }

    /**
     * Applies a poll's records for {@code consumer} in one transaction and acks the batch after the commit (the
     * channel has {@code batch=true}). Records are in partition order; call from an {@code @Incoming @Blocking}
     * method, which SmallRye calls with one batch at a time.
     */
    public CompletionStage<Void> dispatch(String consumer, KafkaRecordBatch<?, String> batch) {
        List<Decoded> decoded = new ArrayList<>();
        for (Message<String> record : batch.getRecords()) {
            decoded.add(decode(record));
        }
        List<Decoded> readable = decoded.stream().filter(d -> d.poison() == null).toList();
        Attempt<List<String>> together = readable.isEmpty() ? new Committed<>(List.of())
                : transactions.run(consumer, "a batch of " + readable.size() + " records", config.batchTries(),
                        () -> applyBatch(consumer, readable));
        if (together instanceof Abandoned<List<String>>) {
            return new CompletableFuture<>();
        }
        List<CompletableFuture<Void>> deadLetters = new ArrayList<>();
        if (together instanceof Committed<List<String>> committed) {
            meters.counter("harvest.consumer.batches", "consumer", consumer, "outcome", "committed").increment();
            for (int i = 0; i < readable.size(); i++) {
                count(consumer, readable.get(i).envelope(), committed.value().get(i));
            }
            for (Decoded d : decoded) {
                if (d.poison() != null) {
                    deadLetters.add(deadLetter(d.record(), poison(consumer, d.envelope(), d.poison())));
                }
            }
        } else {
            Failed<List<String>> failed = (Failed<List<String>>) together;
            meters.counter("harvest.consumer.batches", "consumer", consumer, "outcome", "one-by-one").increment();
            LOG.infof("A batch of %d records for %s failed (%s: %s); applying them one by one", decoded.size(),
                    consumer, failed.kind(), failed.failure().getMessage());
            for (Decoded d : decoded) {
                Verdict verdict = d.poison() != null ? poison(consumer, d.envelope(), d.poison())
                        : applyAlone(consumer, d);
                if (verdict instanceof Unsettled) {
                    return new CompletableFuture<>(); // shutting down: the batch stays unacked
                }
                if (verdict instanceof DeadLetter dead) {
                    deadLetters.add(deadLetter(d.record(), dead));
                }
            }
        }
        // Commit the batch's offsets only once its dead letters are on their topic.
        return CompletableFuture.allOf(deadLetters.toArray(CompletableFuture[]::new)).thenCompose(done -> batch.ack());
    }

    private Decoded decode(Message<String> record) {
        EventEnvelope envelope = null;
        try {
            envelope = codec.parse(record.getPayload());
            return new Decoded(record, envelope, readChecked(envelope), null);
        } catch (RuntimeException failure) {
            // Parsing and the contract check run before any transaction: whatever fails there is the record itself.
            return new Decoded(record, envelope, null, failure);
        }
    }

    private DomainEvent readChecked(EventEnvelope envelope) {
        DomainEvent event = codec.payload(envelope);
        int known = EventTypes.contractOf(event.getClass()).version();
        if (envelope.version() != known) {
            throw new PoisonMessageException("Unknown version " + envelope.version() + " of " + envelope.type()
                    + " (this service reads version " + known + ")", null);
        }
        contracts.check(event, envelope.payload());
        return event;
    }

    /** One record in its own transaction, retried while it fails transiently, without end. */
    private Verdict applyAlone(String consumer, Decoded d) {
        EventEnvelope envelope = d.envelope();
        Attempt<String> attempt = transactions.run(consumer, envelope.type() + " " + envelope.eventId(),
                ConsumerTransactions.FOREVER, () -> inbox.firstDelivery(consumer, envelope.eventId())
                        ? handle(d) : "duplicate");
        if (attempt instanceof Committed<String> committed) {
            count(consumer, envelope, committed.value());
            return new Ack();
        }
        if (!(attempt instanceof Failed<String> failed)) {
            return new Unsettled();
        }
        if (failed.kind() == FailureClass.REFUSAL) {
            LOG.warnf("Refused %s %s for %s: %s", envelope.type(), envelope.eventId(), consumer,
                    failed.failure().getMessage());
            count(consumer, envelope, "refused");
            return new Ack();
        }
        return poison(consumer, envelope, failed.failure());
    }

    /**
     * The batch's unit of work: its new event ids in one inbox statement, then each first delivery's handlers in
     * order. The persistence context is flushed and cleared after each record, so Hibernate's dirty checking before
     * every query stays the size of one record's work instead of growing with the batch.
     *
     * @return each record's outcome, in order
     */
    private List<String> applyBatch(String consumer, List<Decoded> batch) {
        Set<UUID> first = new HashSet<>(inbox.firstDeliveries(consumer, batch.stream()
                .map(d -> d.envelope().eventId()).toList()));
        List<String> outcomes = new ArrayList<>(batch.size());
        for (Decoded d : batch) {
            // remove: a second copy of an event id within the batch is a duplicate of the first
            if (!first.remove(d.envelope().eventId())) {
                outcomes.add("duplicate");
                continue;
            }
            outcomes.add(handle(d));
            em.flush();
            em.clear();
        }
        return outcomes;
    }

    private String handle(Decoded d) {
        List<EventHandler<DomainEvent>> applying = handlers.handlersOf(d.event().getClass());
        for (EventHandler<DomainEvent> handler : applying) {
            handler.handle(d.event(), d.envelope());
        }
        return applying.isEmpty() ? "skipped" : "applied";
    }

    private DeadLetter poison(String consumer, EventEnvelope envelope, Throwable failure) {
        String type = envelope == null ? "unknown" : envelope.type();
        LOG.errorf("Dead-lettering a %s record for %s: %s", type, consumer, failure.getMessage());
        count(consumer, envelope, "dead-lettered");
        return new DeadLetter(envelope, failure);
    }

    private static CompletableFuture<Void> deadLetter(Message<String> record, DeadLetter dead) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, HEADER_FAILURE_CLASS, FailureClass.POISON.name());
        if (dead.envelope() != null) {
            header(headers, HEADER_EVENT_ID, String.valueOf(dead.envelope().eventId()));
            header(headers, HEADER_EVENT_TYPE, dead.envelope().type());
        }
        return record.nack(dead.failure(), Metadata.of(OutgoingKafkaRecordMetadata.builder().withHeaders(headers)
                .build())).toCompletableFuture();
    }

    private void count(String consumer, EventEnvelope envelope, String outcome) {
        meters.counter("harvest.consumer.events", "consumer", consumer, "outcome", outcome,
                "type", knownType(envelope)).increment();
    }

    /** Only contract names become metric tags: a poison record's made-up type must not add a time series. */
    private static String knownType(EventEnvelope envelope) {
        return envelope == null || envelope.type() == null || EventTypes.byType(envelope.type()).isEmpty()
                ? "unknown" : envelope.type();
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
