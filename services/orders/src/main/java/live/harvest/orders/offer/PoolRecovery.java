package live.harvest.orders.offer;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import live.harvest.platform.problem.ServiceUnavailable;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Puts pools back when Redis lost them, a crash left a reservation behind, or a recount did not finish. On the buy
 * path a missing pool is rebuilt at once, by one request per instance (the others wait for it), so a Redis
 * restart costs buyers a pause instead of the sale. Pools live when this instance started are recounted before it
 * first sells from them. In the background every live pool is checked on a schedule.
 */
@ApplicationScoped
public class PoolRecovery {

    private static final Logger LOG = Logger.getLogger(PoolRecovery.class);
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final PoolRebuild rebuild;
    private final EndedOffers ended;
    private final OfferRepository offers;
    private final Map<UUID, CompletableFuture<PoolRebuild.Result>> inFlight = new ConcurrentHashMap<>();
    private volatile Set<UUID> inherited;

    public PoolRecovery(PoolRebuild rebuild, EndedOffers ended, OfferRepository offers) {
        this.rebuild = rebuild;
        this.ended = ended;
        this.offers = offers;
    }

    /** Rebuilds the pool of an offer Redis does not know, if PostgreSQL does; concurrent callers share one run. */
    public PoolRebuild.Result recover(UUID offerId) {
        return shared(offerId, () -> rebuild.rebuildIfNeeded(offerId));
    }

    /**
     * Before this instance sells from an offer that was live when it started, the offer's pool is recounted once:
     * this process may be the restart of one killed while it held reservations, whose holds are not overdue yet, and
     * a buyer retrying right after the restart must not be refused for an allowance those dead holds still take.
     * Offers opened later pass through with one set lookup.
     */
    public void recountIfInherited(UUID offerId) {
        while (inherited().contains(offerId)) {
            shared(offerId, () -> {
                PoolRebuild.Result result = rebuild.recount(offerId, PoolRebuild.Reason.RESTART);
                inherited.remove(offerId);
                return result;
            });
        }
    }

    /** One run per offer at a time in this instance: concurrent callers wait for it (up to 5 s) and share its result. */
    private PoolRebuild.Result shared(UUID offerId, Supplier<PoolRebuild.Result> work) {
        CompletableFuture<PoolRebuild.Result> mine = new CompletableFuture<>();
        CompletableFuture<PoolRebuild.Result> running = inFlight.putIfAbsent(offerId, mine);
        if (running == null) {
            try {
                mine.complete(work.get());
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

    /** The offers live when this instance first looked (loaded once, then emptied by their recounts). */
    private Set<UUID> inherited() {
        Set<UUID> loaded = inherited;
        if (loaded == null) {
            synchronized (this) {
                if (inherited == null) {
                    try {
                        Set<UUID> live = ConcurrentHashMap.newKeySet();
                        live.addAll(offers.liveEpochs(Instant.now()).keySet());
                        inherited = live;
                    } catch (RuntimeException e) {
                        throw new ServiceUnavailable("offer-pool-rebuilding",
                                "The live offers could not be read; retry in a moment", 1, e);
                    }
                }
                loaded = inherited;
            }
        }
        return loaded;
    }

    /**
     * Every live pool against PostgreSQL; the row lock and re-check make a second instance's run a no-op. Pools this
     * instance inherited are recounted here too, so they are fresh even before their first buyer arrives. Offers
     * that ended without a close are drained (ADR 0018).
     */
    @Scheduled(every = "${harvest.orders.reconcile-every:2s}", delay = 1, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcile() {
        try {
            reconcileLivePools();
        } catch (RuntimeException e) {
            LOG.warnf("Reconciling live pools failed (next run retries): %s", e.toString());
        }
        try {
            ended.drainDue(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("Draining ended offers failed (next run retries): %s", e.toString());
        }
    }

    private void reconcileLivePools() {
        Set<UUID> inherited = inherited();
        Instant now = Instant.now();
        Map<UUID, Long> live = offers.liveEpochs(now);
        inherited.retainAll(live.keySet()); // an inherited offer that ended needs no recount
        live.forEach((offerId, epoch) -> {
            try {
                if (inherited.contains(offerId)) {
                    recountIfInherited(offerId);
                } else if (rebuild.diagnose(offerId, epoch, now).isPresent()) {
                    recover(offerId);
                }
            } catch (RuntimeException e) {
                LOG.warnf("Reconciling offer %s failed (will retry): %s", offerId, e.toString());
            }
        });
    }

    /** What a crash and restart does to this bean; tests stage a restart with it. */
    synchronized void startOver() {
        inherited = null;
    }

    /** True once every pool live at this instance's start is recounted (tests wait for it before staging a crash). */
    public boolean recountedAfterStart() {
        Set<UUID> loaded = inherited;
        return loaded != null && loaded.isEmpty();
    }
}
