package live.harvest.platform.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The one way a service consumes events. Each incoming channel has a one-line {@code @Incoming @Blocking} method
 * that hands its records here. Per record: parse the envelope, check the contract, then in ONE transaction record
 * the event id in the inbox and run the handlers registered for its type. Failures are classified
 * ({@link FailureClassifier}):
 * <ul>
 *   <li>transient: the transaction rolled back; wait (exponential backoff) and run the whole unit again, without
 *       acking, so the partition keeps its order and nothing reaches the dead-letter topic;</li>
 *   <li>poison: nack, which the channel's {@code dead-letter-queue} strategy turns into a record on
 *       {@code harvest.dlq.<service>} with the reason and the event id and type in headers;</li>
 *   <li>business refusal: log, count, ack; a refused event is not retried.</li>
 * </ul>
 * The retry loop sits outside the transaction on purpose: a retried unit starts a fresh transaction and a fresh
 * connection.
 */
@ApplicationScoped
public class EventDispatcher {

    public static final String HEADER_EVENT_ID = "dead-letter-event-id";
    public static final String HEADER_EVENT_TYPE = "dead-letter-event-type";
    public static final String HEADER_FAILURE_CLASS = "dead-letter-failure-class";

    private static final Logger LOG = Logger.getLogger(EventDispatcher.class);

    private final EventCodec codec;
    private final ContractCheck contracts;
    private final Inbox inbox;
    private final HandlerRegistry handlers;
    private final ConsumerConfig config;
    private final MeterRegistry meters;
    private volatile boolean stopping;

    public EventDispatcher(EventCodec codec, ContractCheck contracts, Inbox inbox, HandlerRegistry handlers,
                           ConsumerConfig config, MeterRegistry meters) {
        this.codec = codec;
        this.contracts = contracts;
        this.inbox = inbox;
        this.handlers = handlers;
        this.config = config;
        this.meters = meters;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    /**
     * Applies one record for {@code consumer} (the inbox name, one per service and channel) and settles it.
     * Call from an {@code @Incoming @Blocking} method on a worker thread: it blocks while it retries.
     */
    public CompletionStage<Void> dispatch(String consumer, Message<String> record) {
        EventEnvelope envelope = null;
        try {
            envelope = codec.parse(record.getPayload());
            DomainEvent event = readChecked(envelope);
            return applyWithRetries(consumer, envelope, event, record);
        } catch (RuntimeException failure) {
            // Parsing and the contract check run before any transaction: whatever fails there is the record itself.
            return deadLetter(consumer, envelope, failure, record);
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

    private CompletionStage<Void> applyWithRetries(String consumer, EventEnvelope envelope, DomainEvent event,
                                                   Message<String> record) {
        List<EventHandler<DomainEvent>> applying = handlers.handlersOf(event.getClass());
        Duration delay = config.retryInitialDelay();
        for (int attempt = 1; ; attempt++) {
            try {
                boolean first = QuarkusTransaction.requiringNew().call(() -> apply(consumer, envelope, event, applying));
                count(consumer, envelope, !first ? "duplicate" : applying.isEmpty() ? "skipped" : "applied");
                return record.ack();
            } catch (RuntimeException failure) {
                if (stopping) {
                    // Shutting down closes the EntityManagerFactory under a running handler: that says nothing
                    // about the record. Leave it unacked, so the partition's next owner gets it again.
                    LOG.debugf("Leaving %s %s unacked while shutting down", envelope.type(), envelope.eventId());
                    return new CompletableFuture<>();
                }
                FailureClass kind = FailureClassifier.classify(failure);
                if (kind == FailureClass.REFUSAL) {
                    return refuse(consumer, envelope, failure, record);
                }
                if (kind == FailureClass.POISON) {
                    return deadLetter(consumer, envelope, failure, record);
                }
                meters.counter("harvest.consumer.retries", "consumer", consumer).increment();
                LOG.warnf("Transient failure applying %s %s for %s (attempt %d), retrying in %d ms: %s",
                        envelope.type(), envelope.eventId(), consumer, attempt, delay.toMillis(), rootMessage(failure));
                if (!pause(delay)) {
                    // Shutting down: leave the record unacked, so the partition's next owner gets it again.
                    return new CompletableFuture<>();
                }
                delay = min(delay.multipliedBy(2), config.retryMaxDelay());
            }
        }
    }

    private boolean apply(String consumer, EventEnvelope envelope, DomainEvent event,
                          List<EventHandler<DomainEvent>> applying) {
        if (!inbox.firstDelivery(consumer, envelope.eventId())) {
            return false;
        }
        for (EventHandler<DomainEvent> handler : applying) {
            handler.handle(event, envelope);
        }
        return true;
    }

    private CompletionStage<Void> refuse(String consumer, EventEnvelope envelope, Throwable failure,
                                         Message<String> record) {
        LOG.warnf("Refused %s %s for %s: %s", envelope.type(), envelope.eventId(), consumer, failure.getMessage());
        count(consumer, envelope, "refused");
        return record.ack();
    }

    private CompletionStage<Void> deadLetter(String consumer, EventEnvelope envelope, Throwable failure,
                                             Message<String> record) {
        String type = envelope == null ? "unknown" : envelope.type();
        LOG.errorf("Dead-lettering a %s record for %s: %s", type, consumer, failure.getMessage());
        count(consumer, envelope, "dead-lettered");
        RecordHeaders headers = new RecordHeaders();
        header(headers, HEADER_FAILURE_CLASS, FailureClass.POISON.name());
        if (envelope != null) {
            header(headers, HEADER_EVENT_ID, String.valueOf(envelope.eventId()));
            header(headers, HEADER_EVENT_TYPE, envelope.type());
        }
        return record.nack(failure, Metadata.of(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build()));
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

    private boolean pause(Duration delay) {
        if (stopping) {
            return false;
        }
        try {
            Thread.sleep(delay.toMillis());
            return !stopping;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
