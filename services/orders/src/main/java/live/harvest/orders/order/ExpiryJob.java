package live.harvest.orders.order;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Expires orders left unpaid past their payment window, each in its own transaction. */
@ApplicationScoped
public class ExpiryJob {

    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);
    private static final int BATCH = 200;

    private final EntityManager em;
    private final OrderLifecycle lifecycle;

    public ExpiryJob(EntityManager em, OrderLifecycle lifecycle) {
        this.em = em;
        this.lifecycle = lifecycle;
    }

    @Scheduled(every = "${harvest.orders.expiry-sweep}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        expireDue(Instant.now());
    }

    /** @return how many orders expired. */
    public int expireDue(Instant now) {
        int expired = 0;
        int expiredBefore;
        List<UUID> due;
        do {
            expiredBefore = expired;
            due = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                            "select o.id from Order o where o.status = ?1 and o.payBy <= ?2 order by o.payBy",
                            UUID.class)
                    .setParameter(1, OrderStatus.PENDING_PAYMENT).setParameter(2, now)
                    .setMaxResults(BATCH).getResultList());
            for (UUID id : due) {
                try {
                    expired += lifecycle.expire(id, now) ? 1 : 0;
                } catch (RuntimeException e) {
                    LOG.warnf("Could not expire order %s, will retry: %s", id, e.getMessage());
                }
            }
        } while (due.size() == BATCH && expired > expiredBefore); // stop when a full batch made no progress
        return expired;
    }
}
