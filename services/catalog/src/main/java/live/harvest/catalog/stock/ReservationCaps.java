package live.harvest.catalog.stock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import live.harvest.catalog.config.CatalogConfig;
import live.harvest.catalog.product.SkuCaps;

import java.time.Instant;
import java.util.UUID;

/**
 * Holds a regular-listing reservation to its SKU's anti-hoarding caps (ADR 0019): per order, and per buyer across
 * their open reservations. The buyer's units are counted under the SKU's row lock - the lock the ledger's SALE
 * movement takes anyway, taken a little earlier - so two reservations of one buyer cannot both count the same room.
 */
@ApplicationScoped
public class ReservationCaps {

    /** Locks the SKU row until the transaction ends, and reads the caps in force with it. */
    private static final String LOCK_SKU =
            "select max_units_per_order, max_units_per_buyer from sku where id = ?1 for update";
    /**
     * Units of the SKU the buyer holds: open reservations (unconfirmed, placed or paid) within the window. Lines given
     * back (withdrawn, returned, expired) do not count; an open line still waiting for the reconciler does, because
     * its units are still off the shelf.
     */
    private static final String HELD = """
            select coalesce(sum(quantity), 0) from stock_reservation
             where buyer_id = ?1 and sku_id = ?2 and status = 'RESERVED' and created_at > ?3""";

    private final EntityManager em;
    private final CatalogConfig.Caps config;

    public ReservationCaps(EntityManager em, CatalogConfig config) {
        this.em = em;
        this.config = config.caps();
    }

    /**
     * Refuses {@code quantity} more units for the buyer if they break a cap (422 {@code quantity-above-cap}, 409
     * {@code buyer-cap-reached}). Must run before the reservation is written, in its transaction: the SKU row stays
     * locked until that commits, so the next reservation of the SKU counts this one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void check(UUID skuId, UUID buyerId, int quantity) {
        Object[] caps = (Object[]) em.createNativeQuery(LOCK_SKU).setParameter(1, skuId).getSingleResult();
        SkuCaps.Limits limits = new SkuCaps(asInteger(caps[0]), asInteger(caps[1]))
                .inForce(config.maxUnitsPerOrder(), config.maxUnitsPerBuyer());
        long held = ((Number) em.createNativeQuery(HELD).setParameter(1, buyerId).setParameter(2, skuId)
                .setParameter(3, Instant.now().minus(config.perBuyerWindow())).getSingleResult()).longValue();
        limits.refusal(skuId, quantity, held).ifPresent(refusal -> {
            throw refusal;
        });
    }

    private static Integer asInteger(Object column) {
        return column == null ? null : ((Number) column).intValue();
    }
}
