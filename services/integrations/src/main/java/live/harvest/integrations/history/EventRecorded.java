package live.harvest.integrations.history;

import live.harvest.integrations.visibility.VisibilityKeys;

import java.time.Instant;
import java.util.UUID;

/**
 * A new event entered the history: fired synchronously ({@code Event.fire}) inside the very transaction that
 * inserted its row, once per event id (never for a repeated delivery). {@code position} is the row's sequence
 * number; {@code envelopeJson} is the platform {@code EventEnvelope} as JSON, the body every webhook delivery and
 * history item carries; {@code keys} say who may see it ({@code VisibilityGrant.sees}).
 */
public record EventRecorded(long position, UUID eventId, String type, Instant occurredAt, String envelopeJson,
                            VisibilityKeys keys) {
}
