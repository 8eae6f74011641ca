package live.harvest.orders.offer;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import live.harvest.orders.OrdersConfig;
import live.harvest.platform.problem.ServiceUnavailable;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.UUID;

/**
 * Puts pools back when Redis lost them, a crash left a reservation behind, or a recount did not finish. On the buy
 * path a missing pool is rebuilt at once, by one request per instance (the others wait for it), so a Redis
 * restart costs buyers a pause instead of the sale. In the background every live pool is checked on a schedule.
 */
@ApplicationScoped
public class PoolRecovery {

    private static final Logger LOG = Logger.getLogger(PoolRecovery.class);
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final PoolRebuild rebuild;
    private final OfferRepository offers;
    private final OrdersConfig config;
    private final Map<UUID, CompletableFuture<PoolRebuild.Result>> inFlight = new ConcurrentHashMap<>();
    private volatile boolean started;
    private volatile boolean recountedAfterStart;

    public PoolRecovery(PoolRebuild rebuild, OfferRepository offers, OrdersConfig config) {
        this.rebuild = rebuild;
        this.offers = offers;
        this.config = config;
    }

    /** Rebuilds the pool of an offer Redis does not know, if PostgreSQL does; concurrent callers share one run. */
    public PoolRebuild.Result recover(UUID offerId) {
        CompletableFuture<PoolRebuild.Result> mine = new CompletableFuture<>();
        CompletableFuture<PoolRebuild.Result> running = inFlight.putIfAbsent(offerId, mine);
        if (running == null) {
            try {
                mine.complete(rebuild.rebuildIfNeeded(offerId));
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
            } finally {
                inFlight.remove(offerId, mine);
            }
            running = mine;
        }
        try {
            return running.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ServiceUnavailable("offer-pool-rebuilding",
                    "The offer's live stock is being recounted; retry in a moment", 1, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable("offer-pool-rebuilding", "Interrupted while the pool was recounted", 1, e);
        }
    }

    /**
     * Every live pool against PostgreSQL; the row lock and re-check make a second instance's run a no-op. The first
     * run after a start recounts every live pool: this process may be the restart of one killed while it held
     * reservations, and a buyer should not wait for their holds to become overdue to get their allowance back.
     */
    @Scheduled(every = "${harvest.orders.reconcile-every:2s}", delay = 1, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcile() {
        try {
            reconcileLivePools();
        } catch (RuntimeException e) {
            LOG.warnf("Reconciling live pools failed (next run retries): %s", e.toString());
        }
    }

    private void reconcileLivePools() {
        boolean afterStart = !started;
        started = true;
        Instant now = Instant.now();
        offers.liveEpochs(now).forEach((offerId, epoch) -> {
            try {
                if (afterStart) {
                    rebuild.recount(offerId, PoolRebuild.Reason.RESTART);
                } else if (rebuild.diagnose(offerId, epoch, now).isPresent()) {
                    recover(offerId);
                }
            } catch (RuntimeException e) {
                LOG.warnf("Reconciling offer %s failed (will retry): %s", offerId, e.toString());
            }
        });
        recountedAfterStart = true;
    }

    /** True once the recount after this instance started is done (tests wait for it before staging a crash). */
    public boolean recountedAfterStart() {
        return recountedAfterStart;
    }
}
