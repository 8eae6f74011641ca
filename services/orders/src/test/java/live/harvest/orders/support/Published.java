package live.harvest.orders.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import live.harvest.platform.event.EventCodec;

import java.util.List;
import java.util.UUID;

/**
 * What orders has published for one aggregate, read from its outbox (every event is written there in the business
 * transaction, so this is exact and needs no wait for the relay or the broker).
 */
@ApplicationScoped
public class Published {

    private final EntityManager em;
    private final EventCodec codec;

    public Published(EntityManager em, EventCodec codec) {
        this.em = em;
        this.codec = codec;
    }

    public <T> List<T> events(String type, UUID aggregateId, Class<T> contract) {
        List<?> envelopes = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select envelope from outbox_message where type = ?1 and aggregate_id = ?2 order by seq")
                .setParameter(1, type).setParameter(2, aggregateId.toString()).getResultList());
        return envelopes.stream().map(json -> codec.payload(codec.parse((String) json), contract)).toList();
    }

    /** A column of one row, read in a transaction of its own (e.g. what a line recorded as returned_to). */
    public Object value(String sql, UUID id) {
        return QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery(sql).setParameter(1, id).getSingleResult());
    }
}
