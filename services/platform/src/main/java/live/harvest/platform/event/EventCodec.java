package live.harvest.platform.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** Turns events into envelopes and JSON and back. Anything unreadable becomes a {@link PoisonMessageException}. */
@ApplicationScoped
public class EventCodec {

    private final ObjectMapper mapper;

    public EventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public EventEnvelope wrap(DomainEvent event, String traceId) {
        EventType contract = EventTypes.contractOf(event.getClass());
        return new EventEnvelope(UUID.randomUUID(), contract.value(), contract.version(), event.aggregateId(),
                Instant.now(), traceId, mapper.valueToTree(event));
    }

    public String toJson(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + value.getClass().getName(), e);
        }
    }

    /** Reads JSON that is not an envelope (a pub/sub hint) as {@code type}; unreadable: {@link PoisonMessageException}. */
    public <T> T fromJson(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonMessageException("Not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public EventEnvelope parse(String json) {
        EventEnvelope envelope;
        try {
            envelope = mapper.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonMessageException("Not an event envelope: " + e.getMessage(), e);
        }
        if (envelope == null || envelope.eventId() == null || envelope.type() == null || envelope.payload() == null) {
            throw new PoisonMessageException("Envelope lacks eventId, type or payload", null);
        }
        return envelope;
    }

    /** Reads the payload as the contract registered for the envelope's type. */
    public DomainEvent payload(EventEnvelope envelope) {
        Class<? extends DomainEvent> type = EventTypes.byType(envelope.type())
                .orElseThrow(() -> new PoisonMessageException("Unknown event type " + envelope.type(), null));
        return payload(envelope, type);
    }

    public <T> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return mapper.treeToValue(envelope.payload(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonMessageException("Payload of " + envelope.type() + " is not a " + type.getSimpleName(), e);
        }
    }
}
