package live.harvest.integrations.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import live.harvest.integrations.visibility.VisibilityKeys;
import live.harvest.platform.event.EventCodec;
import live.harvest.platform.event.EventEnvelope;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Records each domain event once in {@code event_history}: its envelope as JSON, type, time and visibility keys.
 * The first recording fires {@link EventRecorded} inside the same transaction (webhooks enqueue their deliveries
 * there); a repeated delivery of the same event id changes nothing and fires nothing.
 */
@ApplicationScoped
public class EventHistory {

    private final EntityManager em;
    private final EventFacts facts;
    private final EventCodec codec;
    private final Event<EventRecorded> recorded;

    EventHistory(EntityManager em, EventFacts facts, EventCodec codec, Event<EventRecorded> recorded) {
        this.em = em;
        this.facts = facts;
        this.codec = codec;
        this.recorded = recorded;
    }

    /** @return the event as recorded now, or empty when its event id was recorded before */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<EventRecorded> record(EventEnvelope envelope) {
        VisibilityKeys keys = facts.learnAndResolve(Mentions.of(envelope.payload()));
        String json = codec.toJson(envelope);
        Instant occurredAt = envelope.occurredAt() == null ? Instant.now() : envelope.occurredAt();
        @SuppressWarnings("unchecked")
        List<Number> inserted = em.createNativeQuery("""
                insert into event_history (event_id, type, occurred_at, recorded_at, envelope, counties, sites,
                                           payment_partner)
                values (?1, ?2, ?3, ?4, ?5, string_to_array(?6, ','), string_to_array(?7, ','), ?8)
                on conflict (event_id) do nothing
                returning seq""")
                .setParameter(1, envelope.eventId()).setParameter(2, envelope.type())
                .setParameter(3, Timestamp.from(occurredAt)).setParameter(4, Timestamp.from(Instant.now()))
                .setParameter(5, json).setParameter(6, String.join(",", keys.counties()))
                .setParameter(7, String.join(",", keys.sites())).setParameter(8, keys.paymentPartner())
                .getResultList();
        if (inserted.isEmpty()) {
            return Optional.empty();
        }
        EventRecorded event = new EventRecorded(inserted.get(0).longValue(), envelope.eventId(), envelope.type(),
                occurredAt, json, keys);
        recorded.fire(event);
        return Optional.of(event);
    }
}
