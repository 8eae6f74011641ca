package live.harvest.catalog.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import live.harvest.platform.event.DomainEvent;
import live.harvest.platform.event.catalog.CatalogEvents.StockAdjusted;
import live.harvest.platform.event.catalog.CatalogEvents.StockAllocated;
import live.harvest.platform.event.catalog.CatalogEvents.StockReleased;
import live.harvest.platform.outbox.Outbox;
import live.harvest.platform.problem.DomainException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The only writer of {@code sku.on_hand}. Each movement is one conditional UPDATE (see ADR 0005): PostgreSQL
 * locks the SKU row, re-checks {@code on_hand + delta >= 0} against the latest committed value, and either
 * applies it or touches nothing. The ledger line and the event are written in the same transaction.
 */
@ApplicationScoped
public class StockLedger {

    /** What a movement is about, besides its SKU, kind and signed delta. */
    public record Context(UUID offerId, UUID orderId, UUID sourceEventId, String reason, UUID actorId) {
        public static Context reason(String reason, UUID actorId) {
            return new Context(null, null, null, reason, actorId);
        }
    }

    private static final String APPLY = """
            update sku s set on_hand = s.on_hand + ?1, updated_at = now()
              from product p
             where s.id = ?2 and p.id = s.product_id and s.on_hand + ?1 >= 0
            returning s.on_hand, cast(p.id as varchar), cast(p.seller_id as varchar)""";

    private final EntityManager em;
    private final Outbox outbox;

    public StockLedger(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public StockMovement move(UUID skuId, MovementKind kind, long delta, String reason, UUID actorId) {
        return move(skuId, kind, delta, Context.reason(reason, actorId));
    }

    /** Applies {@code delta} to the SKU's on-hand; 409 {@code insufficient-stock} if it would go negative. */
    @Transactional(Transactional.TxType.MANDATORY)
    public StockMovement move(UUID skuId, MovementKind kind, long delta, Context context) {
        if (delta == 0) {
            throw new IllegalArgumentException("A movement needs a non-zero delta");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(APPLY).setParameter(1, delta).setParameter(2, skuId)
                .getResultList();
        if (rows.isEmpty()) {
            throw DomainException.conflict("insufficient-stock",
                    "SKU " + skuId + " has fewer than " + (-delta) + " units on hand");
        }
        long onHandAfter = ((Number) rows.get(0)[0]).longValue();
        UUID productId = UUID.fromString((String) rows.get(0)[1]);
        UUID sellerId = UUID.fromString((String) rows.get(0)[2]);

        StockMovement movement = new StockMovement();
        movement.id = UUID.randomUUID();
        movement.skuId = skuId;
        movement.kind = kind;
        movement.delta = delta;
        movement.onHandAfter = onHandAfter;
        movement.offerId = context.offerId();
        movement.orderId = context.orderId();
        movement.sourceEventId = context.sourceEventId();
        movement.reason = context.reason();
        movement.actorId = context.actorId();
        movement.occurredAt = Instant.now();
        movement.persist();
        outbox.publish(event(movement, productId, sellerId));
        return movement;
    }

    private static DomainEvent event(StockMovement m, UUID productId, UUID sellerId) {
        return switch (m.kind) {
            case ALLOCATION -> new StockAllocated(m.skuId, productId, sellerId, m.offerId, (int) -m.delta,
                    m.onHandAfter);
            case RELEASE -> new StockReleased(m.skuId, productId, sellerId, m.offerId, (int) m.delta, m.onHandAfter);
            default -> new StockAdjusted(m.skuId, productId, sellerId, m.kind.name(), m.delta, m.reason,
                    m.onHandAfter);
        };
    }
}
