package live.harvest.catalog.stock;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Gives back reservations nobody will give back otherwise (see {@link ReleaseRule}): unconfirmed ones whose lifetime
 * passed, and open ones of orders catalog saw end. Safe with several catalog instances and with the event consumer:
 * <ul>
 *   <li>candidate rows are locked {@code FOR UPDATE SKIP LOCKED}, so two sweeps split the work instead of both
 *   taking a row;</li>
 *   <li>each order's advisory lock (the one reserve, withdraw and the order events take) is only <em>tried</em>:
 *   if someone holds it, the line is left for the next sweep. Never waiting on it while holding row locks is what
 *   keeps this free of deadlocks with the consumer, which takes the advisory lock first and the row second;</li>
 *   <li>under both locks the line is re-read and the rule re-checked, and {@link ReservationService#giveBack} closes
 *   it in the same transaction as the ledger movement: a line goes back exactly once.</li>
 * </ul>
 */
@ApplicationScoped
public class ReservationReconciler {

    private static final Logger LOG = Logger.getLogger(ReservationReconciler.class);
    private static final int BATCH = 100;

    private static final String DUE = """
            select cast(r.order_id as varchar), cast(r.sku_id as varchar)
              from stock_reservation r
             where r.status = 'RESERVED'
               and (r.order_ended_at is not null or (r.held_by_order_at is null and r.expires_at <= ?1))
             order by r.expires_at
             limit ?2
               for update of r skip locked""";

    private final EntityManager em;
    private final ReservationService reservations;
    private final ReservationMetrics metrics;

    public ReservationReconciler(EntityManager em, ReservationService reservations, ReservationMetrics metrics) {
        this.em = em;
        this.reservations = reservations;
        this.metrics = metrics;
    }

    @Scheduled(every = "${harvest.catalog.reconcile-every}", delay = 5, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            releaseDue(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("Reservation sweep failed, will retry: %s", e.getMessage());
        }
    }

    /** @return how many reservations this call gave back. */
    public int releaseDue(Instant now) {
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> releaseBatch(now));
            total += batch;
        } while (batch == BATCH);
        return total;
    }

    private int releaseBatch(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery(DUE).setParameter(1, now).setParameter(2, BATCH).getResultList();
        int released = 0;
        for (Object[] row : due) {
            StockReservation.Key key = new StockReservation.Key(UUID.fromString((String) row[0]),
                    UUID.fromString((String) row[1]));
            if (!tryLockOrder(key.orderId())) {
                continue; // the order is being worked on right now; its line is looked at again next sweep
            }
            StockReservation line = StockReservation.findById(key);
            Optional<ReleaseRule.Reason> reason = ReleaseRule.due(line.status, line.heldByOrderAt, line.orderEndedAt,
                    line.expiresAt, now);
            if (reason.isEmpty()) {
                continue;
            }
            reservations.giveBack(line, StockReservation.Status.EXPIRED, null, "reservation " + reason.get().tag,
                    null);
            metrics.released(reason.get(), line.quantity);
            LOG.infof("Gave back %d unit(s) of SKU %s reserved for order %s: %s", line.quantity, key.skuId(),
                    key.orderId(), reason.get().tag);
            released++;
        }
        return released;
    }

    private boolean tryLockOrder(UUID orderId) {
        long key = StockLocks.key(orderId);
        return (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, key)
                .getSingleResult();
    }
}
