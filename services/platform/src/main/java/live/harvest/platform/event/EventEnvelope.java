package live.harvest.platform.event;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
        @Schema(implementation = Object.class, type = SchemaType.OBJECT,
                description = "The event record of this type and version; its fields are listed per type in "
                        + "docs/events.md")
        JsonNode payload) {
}
