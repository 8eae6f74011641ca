package live.harvest.orders.offer;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Offers, and the two row locks that make the Redis pool rebuildable (ADR 0011): whoever changes what a pool
 * should hold (an order, a cancellation) takes the offer row FOR KEY SHARE, whoever recounts the pool (rebuild,
 * drain) takes it FOR UPDATE. Native SQL on purpose: Hibernate's PESSIMISTIC_WRITE is FOR NO KEY UPDATE on
 * PostgreSQL, which does not wait for KEY SHARE holders.
 */
@ApplicationScoped
public class OfferRepository implements PanacheRepositoryBase<Offer, UUID> {

    /** The pool's generation and whether it was drained, as an order's transaction must see them. */
    public record PoolFence(long epoch, Instant drainedAt) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PoolFence> fenceForOrder(UUID offerId) {
        return Optional.ofNullable(fencesForOrders(List.of(offerId)).get(offerId));
    }

    /**
     * The fences of several offers for one transaction writing many orders (group commit): each row FOR KEY SHARE
     * once, in id order so two such transactions never wait on each other in a cycle. Unknown offers are absent.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, PoolFence> fencesForOrders(Collection<UUID> offerIds) {
        Map<UUID, PoolFence> fences = new HashMap<>();
        if (offerIds.isEmpty()) {
            return fences;
        }
        List<?> rows = getEntityManager().createNativeQuery(
                        "SELECT id, pool_epoch, drained_at FROM offer WHERE id IN (?1) ORDER BY id FOR KEY SHARE")
                .setParameter(1, offerIds).getResultList();
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            fences.put((UUID) row[0], new PoolFence(((Number) row[1]).longValue(), (Instant) row[2]));
        }
        return fences;
    }

    /** Locks the offer row against orders and cancellations in flight, then loads it (null if unknown). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Offer lockForRecount(UUID offerId) {
        List<?> locked = getEntityManager().createNativeQuery("SELECT id FROM offer WHERE id = ?1 FOR UPDATE")
                .setParameter(1, offerId).getResultList();
        if (locked.isEmpty()) {
            return null;
        }
        Offer offer = findById(offerId);
        getEntityManager().refresh(offer);
        return offer;
    }

    /**
     * Units of the offer each buyer has taken: lines of live orders, and lines whose units went to catalog rather
     * than back into the pool. Exact only under {@link #lockForRecount}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, Long> takenPerBuyer(UUID offerId) {
        List<?> rows = getEntityManager().createNativeQuery("""
                        SELECT o.buyer_id, SUM(l.quantity) FROM order_line l JOIN customer_order o ON o.id = l.order_id
                        WHERE l.offer_id = ?1 AND (l.returned_to IS NULL OR l.returned_to = 'CATALOG')
                        GROUP BY o.buyer_id""")
                .setParameter(1, offerId).getResultList();
        Map<UUID, Long> taken = new HashMap<>();
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            taken.put((UUID) row[0], ((Number) row[1]).longValue());
        }
        return taken;
    }

    /** Offers still selling (not drained, not long past their end), with the pool generation each should have. */
    @Transactional
    public Map<UUID, Long> liveEpochs(Instant endedAfter) {
        List<?> rows = getEntityManager().createNativeQuery(
                        "SELECT id, pool_epoch FROM offer WHERE drained_at IS NULL AND (ends_at IS NULL OR ends_at > ?1)")
                .setParameter(1, endedAfter).getResultList();
        Map<UUID, Long> live = new HashMap<>();
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            live.put((UUID) row[0], ((Number) row[1]).longValue());
        }
        return live;
    }

    /**
     * Offers not drained whose end - their own {@code ends_at} or their stream's end - is at or before
     * {@code endedBy}. The answer may be stale by the time it is used: the drain re-checks under the row lock.
     */
    @Transactional
    public List<UUID> endedUndrained(Instant endedBy) {
        return getEntityManager().createNativeQuery("""
                        SELECT o.id FROM offer o LEFT JOIN ended_stream s ON s.stream_id = o.stream_id
                        WHERE o.drained_at IS NULL AND (o.ends_at <= ?1 OR s.ended_at <= ?1)
                        ORDER BY o.ends_at NULLS LAST LIMIT 500""")
                .setParameter(1, endedBy).getResultList().stream().map(UUID.class::cast).toList();
    }
}
