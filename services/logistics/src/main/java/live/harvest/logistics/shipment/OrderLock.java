package live.harvest.logistics.shipment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Serialises everything logistics does for one order (its order-paid and its withdrawal) until the transaction
 * ends. Without it a cancellation and an order-paid applied at the same moment could each miss the other's
 * uncommitted row and leave a live shipment for a cancelled order. A transaction-scoped advisory lock needs no row
 * to exist yet, which is exactly the case it guards.
 */
@ApplicationScoped
public class OrderLock {

    private final EntityManager em;

    public OrderLock(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(UUID orderId) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1)) locked")
                .setParameter(1, orderId.getMostSignificantBits() ^ orderId.getLeastSignificantBits())
                .getSingleResult();
    }
}
