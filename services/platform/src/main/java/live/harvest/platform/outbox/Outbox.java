package live.harvest.platform.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.platform.event.DomainEvent;
import live.harvest.platform.event.EventCodec;
import live.harvest.platform.event.EventEnvelope;
import live.harvest.platform.event.EventTypes;

import java.util.UUID;

/**
 * Records an event in the caller's transaction. It reaches Kafka only if that transaction commits, which is
 * what makes "change state and publish" atomic; {@link OutboxRelay} does the sending.
 */
@ApplicationScoped
public class Outbox {

    private final EventCodec codec;

    public Outbox(EventCodec codec) {
        this.codec = codec;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(DomainEvent event) {
        EventEnvelope envelope = codec.wrap(event, currentTraceId());
        OutboxMessage row = new OutboxMessage();
        row.eventId = envelope.eventId();
        row.topic = EventTypes.contractOf(event.getClass()).topic();
        row.type = envelope.type();
        row.version = envelope.version();
        row.aggregateId = envelope.aggregateId();
        row.occurredAt = envelope.occurredAt();
        row.envelope = codec.toJson(envelope);
        row.persist();
        return envelope;
    }

    private static String currentTraceId() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? span.getTraceId() : UUID.randomUUID().toString().replace("-", "");
    }
}
