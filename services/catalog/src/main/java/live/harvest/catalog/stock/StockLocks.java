package live.harvest.catalog.stock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Transaction-scoped PostgreSQL advisory locks keyed by a business id (offer, order). They make
 * "look for the idempotency record, else act and write it" atomic without relying on unique-key failures,
 * which would abort the transaction.
 */
@ApplicationScoped
public class StockLocks {

    private final EntityManager em;

    public StockLocks(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(UUID id) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1)) locked")
                .setParameter(1, key(id)).getSingleResult();
    }

    /** The advisory-lock key of a business id; whoever only tries the lock must use the same key. */
    static long key(UUID id) {
        return id.getMostSignificantBits() ^ id.getLeastSignificantBits();
    }
}
