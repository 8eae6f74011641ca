package live.harvest.catalog.stock;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * What the reservation reconciler gave back, and orders that showed up for units already given back. Counted only
 * when the transaction commits, so a rolled-back sweep or a redelivered event is not counted twice.
 */
@ApplicationScoped
public class ReservationMetrics {

    static final String RELEASED = "catalog.reservations.released";
    static final String RELEASED_UNITS = "catalog.reservations.released.units";
    static final String LATE_ORDERS = "catalog.reservations.late.orders";

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;

    public ReservationMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
    }

    void released(ReleaseRule.Reason reason, int units) {
        afterCommit(() -> {
            registry.counter(RELEASED, "reason", reason.tag).increment();
            registry.counter(RELEASED_UNITS, "reason", reason.tag).increment(units);
        });
    }

    void lateOrder() {
        afterCommit(() -> registry.counter(LATE_ORDERS).increment());
    }

    private void afterCommit(Runnable count) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    count.run();
                }
            }
        });
    }
}
