package live.harvest.testkit.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import live.harvest.platform.event.EventCodec;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentDelivered;
import live.harvest.testkit.KafkaProbe;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the consumer tests send to the probe channel and how they see its effect. */
@ApplicationScoped
public class ProbeRecords {

    private final EventCodec codec;
    private final EntityManager em;

    public ProbeRecords(EventCodec codec, EntityManager em) {
        this.codec = codec;
        this.em = em;
    }

    /** A valid shipment-delivered envelope (fresh event id) whose recipient name marks its effect. */
    public String envelopeFor(String recipient) {
        return codec.toJson(codec.wrap(new ShipmentDelivered(UUID.randomUUID(), UUID.randomUUID(), recipient,
                "proof", Instant.now()), "0".repeat(32)));
    }

    /** A shipment-delivered envelope without its required orderId: a contract violation. */
    public String withoutOrderId(String recipient) {
        return codec.toJson(codec.wrap(new ShipmentDelivered(UUID.randomUUID(), null, recipient, "proof",
                Instant.now()), "0".repeat(32)));
    }

    /** How many times an event for {@code recipient} was applied (committed {@code probe_effect} rows). */
    public long effects(String recipient) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from probe_effect where note = ?1")
                .setParameter(1, recipient).getSingleResult()).longValue());
    }

    /** In how many transactions {@code consumer}'s inbox rows of these events were committed (each row's xmin). */
    public long transactionsOf(String consumer, List<String> envelopes) {
        List<UUID> ids = envelopes.stream().map(e -> KafkaProbe.envelope(e).eventId()).toList();
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(distinct xmin::text) from processed_event"
                        + " where consumer = :consumer and event_id in (:ids)")
                .setParameter("consumer", consumer)
                .setParameter("ids", ids).getSingleResult()).longValue());
    }
}
