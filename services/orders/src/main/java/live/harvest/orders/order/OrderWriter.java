package live.harvest.orders.order;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import live.harvest.orders.config.OrdersConfig;
import live.harvest.orders.idempotency.StoredResponse;
import live.harvest.platform.problem.ServiceUnavailable;
import live.harvest.platform.value.DeliveryAddress;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Writes accepted orders by group commit (ADR 0029): concurrent orders are queued, and a few writer threads each take
 * whatever is queued (up to {@code harvest.orders.order-batch-max}) and write it as one transaction with JDBC
 * batching: one commit, one fsync and one KEY SHARE lock per offer row for the batch instead of per order. There is
 * no wait for a batch to fill: what queues while the previous batch commits is the next batch, so an idle service
 * writes a lone order at once.
 * <p>
 * To its caller a batch is invisible; {@link #write} answers as a transaction of its own would have:
 * <ul>
 * <li>the stored response: committed;</li>
 * <li>{@link live.harvest.platform.problem.DomainException} or {@link StalePoolException}: this order failed a
 * check, nothing of it was written (the rest of its batch went on);</li>
 * <li>any other exception: the outcome is unknown (the commit of its batch failed, e.g. the connection broke), or
 * the order failed alone after its batch did; either way the caller asks the durable idempotency record.</li>
 * </ul>
 * A batch that fails before its commit (a database error: a key already recorded by a lapsed claim, a constraint)
 * rolled back whole, so its orders are written again one per transaction, and a bad one fails alone.
 */
@ApplicationScoped
public class OrderWriter {

    private static final Logger LOG = Logger.getLogger(OrderWriter.class);
    /** Past this many orders waiting, a new one is refused with 503 instead of waiting for minutes. */
    private static final int MAX_QUEUED = 10_000;

    /** Thrown inside the transaction to tell a rollback (surely nothing written) from a failed commit. */
    private static final class RolledBack extends RuntimeException {
        RolledBack(RuntimeException cause) {
            super(cause);
        }
    }

    private final BlockingQueue<PendingOrder> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final OrderBatchWriter batches;
    private final OrdersConfig config;
    private final List<Thread> writers = new ArrayList<>();
    private final DistributionSummary batchSizes;

    public OrderWriter(OrderBatchWriter batches, OrdersConfig config, MeterRegistry metrics) {
        this.batches = batches;
        this.config = config;
        this.batchSizes = metrics.summary("harvest.orders.order.batch.size");
        metrics.gaugeCollectionSize("harvest.orders.order.queue", Tags.empty(), queue);
    }

    /**
     * Writes the order, its first timeline step, its OrderPlaced event and its idempotent response at once; returns
     * that response after the commit. Exceptions as the class says.
     */
    public StoredResponse write(UUID orderId, UUID buyerId, String key, String hash, DeliveryAddress address,
                                List<Reserved> reserved) {
        PendingOrder order = new PendingOrder(orderId, buyerId, key, hash, address, reserved, Context.current(),
                new CompletableFuture<>());
        if (!queue.offer(order)) {
            throw new ServiceUnavailable("temporarily-unavailable",
                    "Too many orders are waiting to be written; retry shortly", 1, null);
        }
        try {
            // No timeout: an order taken into a batch may still commit, so its caller must not give its units back
            // before knowing. Every batch completes every order it took (a stuck commit ends with the transaction's
            // timeout).
            return order.outcome().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    void start(@Observes StartupEvent event) {
        for (int i = 1; i <= config.orderWriters(); i++) {
            Thread thread = new Thread(this::writeLoop, "order-writer-" + i);
            thread.setDaemon(true);
            thread.start();
            writers.add(thread);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        writers.forEach(Thread::interrupt);
        List<PendingOrder> unwritten = new ArrayList<>();
        queue.drainTo(unwritten); // never taken into a batch: surely not written
        unwritten.forEach(p -> p.fail(new ServiceUnavailable("temporarily-unavailable",
                "The service is stopping; retry shortly", 1, null)));
    }

    /** The marker of a rollback, as thrown or as the transaction API wrapped it; null when the commit failed. */
    private static RolledBack rolledBackIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RolledBack r) {
                return r;
            }
        }
        return null;
    }

    private void writeLoop() {
        List<PendingOrder> batch = new ArrayList<>(config.orderBatchMax());
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, config.orderBatchMax() - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                LOG.errorf(e, "Order writer failed on a batch of %d", batch.size());
            } finally {
                // Never leave a caller waiting: what is still open here has an unknown outcome.
                IllegalStateException unknown = new IllegalStateException("order writer stopped mid-batch");
                batch.forEach(p -> p.fail(unknown));
                batch.clear();
            }
        }
    }

    /** Writes a batch in one transaction and sets every order's outcome. */
    void commit(List<PendingOrder> batch) {
        batchSizes.record(batch.size());
        List<OrderBatchWriter.Written> written;
        try {
            written = QuarkusTransaction.requiringNew().call(() -> {
                try {
                    return batches.write(batch);
                } catch (RuntimeException e) {
                    throw new RolledBack(e);
                }
            });
        } catch (RuntimeException failed) {
            RolledBack rolledBack = rolledBackIn(failed);
            if (rolledBack == null) {
                // The commit itself failed: the batch may or may not be in. Each caller asks its durable record.
                batch.forEach(p -> p.fail(failed));
                return;
            }
            List<PendingOrder> open = batch.stream().filter(PendingOrder::open).toList();
            if (open.size() == 1) {
                open.get(0).fail((RuntimeException) rolledBack.getCause());
            } else {
                LOG.warnf("A batch of %d orders rolled back (%s); writing them one by one", open.size(),
                        rolledBack.getCause());
                open.forEach(p -> commit(List.of(p)));
            }
            return;
        }
        written.forEach(w -> w.pending().outcome().complete(w.response()));
    }
}
