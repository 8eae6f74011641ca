package live.harvest.platform.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * The one envelope every event travels in. {@code aggregateId} is also the Kafka record key, so all events
 * of one aggregate land on one partition and stay ordered; {@code eventId} is what consumers deduplicate on.
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int version,
        String aggregateId,
        Instant occurredAt,
        String traceId,
        JsonNode payload) {
}
