package live.harvest.integrations.webhook.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import live.harvest.integrations.config.IntegrationsConfig;
import live.harvest.integrations.webhook.endpoint.EndpointService;
import live.harvest.integrations.webhook.signing.WebhookSecret;
import live.harvest.integrations.webhook.signing.WebhookSignature;
import live.harvest.integrations.webhook.ssrf.RefusedUrlException;
import live.harvest.integrations.webhook.ssrf.UrlGuard;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers due webhook deliveries (ADR 0022). One loop per instance leases due rows with
 * {@code FOR UPDATE SKIP LOCKED} (several instances split the work), never more than {@code max-in-flight} in this
 * instance and, counting every instance's unexpired leases, never more than {@code max-in-flight-per-endpoint} for one
 * endpoint, so a slow or dead receiver holds at most its own few slots and every other endpoint's deliveries go on.
 * Each attempt re-checks the URL against the SSRF rules (DNS may have changed), signs with every valid secret and
 * POSTs asynchronously with the JDK client: no redirects, a connect and a request timeout. A commit that queued
 * deliveries wakes the loop at once; a short poll catches retries that fell due and other instances' work.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);
    private static final int EXCERPT_BYTES = 1024;
    private static final String USER_AGENT = "HarvestLive-Webhooks/1";
    private static final int RECORD_BATCH = 100;

    /**
     * Due deliveries of enabled endpoints, at most {@code :perEndpoint} per endpoint counting its deliveries still
     * leased (in flight anywhere), locked without waiting for rows another instance is leasing, and leased. The
     * ranking reads at most {@code :perEndpoint} due rows per enabled endpoint (an index range each), so its cost does
     * not grow with the backlog: ranking the whole backlog made leases take seconds at 1,800 due rows
     * (DeliveryLatencyBench).
     */
    private static final String LEASE = """
            with busy as materialized (
                select endpoint_id, count(*) as n from webhook_delivery
                where leased_until is not null and leased_until > cast(:now as timestamptz) and status = 'PENDING'
                group by endpoint_id),
            ranked as materialized (
                select x.id, x.rn + coalesce(b.n, 0) as slot
                from webhook_endpoint e
                left join busy b on b.endpoint_id = e.id
                cross join lateral (
                    select d.id, row_number() over (order by d.next_attempt_at, d.id) as rn
                    from webhook_delivery d
                    where d.endpoint_id = e.id and d.status = 'PENDING'
                      and d.next_attempt_at <= cast(:now as timestamptz)
                      and (d.leased_until is null or d.leased_until <= cast(:now as timestamptz))
                    order by d.next_attempt_at, d.id
                    limit :perEndpoint) x
                where e.enabled),
            picked as (
                select d.id from ranked r join webhook_delivery d on d.id = r.id
                where r.slot <= :perEndpoint
                  and d.status = 'PENDING' and d.next_attempt_at <= cast(:now as timestamptz)
                  and (d.leased_until is null or d.leased_until <= cast(:now as timestamptz))
                order by d.next_attempt_at
                limit :capacity
                for update of d skip locked)
            update webhook_delivery d set leased_until = cast(:until as timestamptz)
            from picked, webhook_endpoint e
            where d.id = picked.id and e.id = d.endpoint_id
            returning d.id, d.event_id, d.payload, e.url,
                (select string_agg(s.secret, ' ' order by s.created_at desc) from webhook_secret s
                 where s.endpoint_id = d.endpoint_id
                   and (s.expires_at is null or s.expires_at > cast(:now as timestamptz)))""";

    /** A leased delivery: what one attempt needs. */
    record Leased(UUID id, UUID eventId, String payload, String url, List<WebhookSecret> secrets) {
    }

    private final IntegrationsConfig.Webhooks config;
    private final EntityManager em;
    private final UrlGuard guard;
    private final DeliveryService deliveries;
    private final Semaphore wakeups = new Semaphore(0);
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean running;
    private HttpClient client;
    private ExecutorService workers;
    private Thread loop;
    private Thread recorder;
    private final LinkedBlockingQueue<AttemptOutcome> outcomes = new LinkedBlockingQueue<>();

    public DeliveryDispatcher(IntegrationsConfig config, EntityManager em, UrlGuard guard,
                              DeliveryService deliveries) {
        this.config = config.webhooks();
        this.em = em;
        this.guard = guard;
        this.deliveries = deliveries;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.dispatcherEnabled()) {
            return;
        }
        AtomicInteger threads = new AtomicInteger();
        workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "webhook-worker-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        running = true;
        loop = new Thread(this::run, "webhook-dispatcher");
        loop.setDaemon(true);
        loop.start();
        recorder = new Thread(this::recordOutcomes, "webhook-recorder");
        recorder.setDaemon(true);
        recorder.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (loop != null) {
            loop.interrupt();
            recorder.interrupt();
            workers.shutdownNow();
        }
    }

    /** Deliveries were queued by a transaction that has just committed: lease them now. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesQueued queued) {
        wakeups.release();
    }

    /** Deliveries in flight in this instance (for the benchmark and the tests). */
    public int inFlight() {
        return inFlight.get();
    }

    private void run() {
        while (running) {
            try {
                dispatchDue();
            } catch (RuntimeException e) {
                LOG.warnf(e, "Leasing webhook deliveries failed; retrying after %s", config.pollInterval());
            }
            try {
                wakeups.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeups.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void dispatchDue() {
        while (running) {
            int capacity = config.maxInFlight() - inFlight.get();
            if (capacity <= 0) {
                return;
            }
            List<Leased> batch = QuarkusTransaction.requiringNew().call(() -> lease(capacity));
            for (Leased leased : batch) {
                inFlight.incrementAndGet();
                workers.execute(() -> attempt(leased));
            }
            if (batch.size() < capacity) {
                return;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Leased> lease(int capacity) {
        Instant now = Instant.now();
        List<Object[]> rows = em.createNativeQuery(LEASE)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("until", now.plus(config.lease()).atOffset(ZoneOffset.UTC))
                .setParameter("perEndpoint", config.maxInFlightPerEndpoint())
                .setParameter("capacity", capacity)
                .getResultList();
        return rows.stream().map(row -> new Leased((UUID) row[0], (UUID) row[1], (String) row[2], (String) row[3],
                row[4] == null ? List.of()
                        : Arrays.stream(((String) row[4]).split(" ")).map(WebhookSecret::parse).toList())).toList();
    }

    private void attempt(Leased leased) {
        Instant started = EndpointService.now();
        long t0 = System.nanoTime();
        try {
            guard.check(leased.url());
            if (leased.secrets().isEmpty()) {
                finish(new AttemptOutcome(leased.id(), started, null, "the endpoint has no valid secret", 0, null));
                return;
            }
        } catch (RefusedUrlException e) {
            finish(new AttemptOutcome(leased.id(), started, null, "URL refused: " + e.getMessage(),
                    millisSince(t0), null));
            return;
        } catch (RuntimeException e) {
            finish(new AttemptOutcome(leased.id(), started, null, "not sent: " + e, millisSince(t0), null));
            return;
        }
        String id = leased.eventId().toString();
        long timestamp = started.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(leased.url()))
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header(WebhookSignature.ID, id)
                .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE,
                        WebhookSignature.header(leased.secrets(), id, timestamp, leased.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(leased.payload()))
                .build();
        Duration whole = config.connectTimeout().plus(config.requestTimeout());
        client.sendAsync(request, info -> new ResponseExcerpt(EXCERPT_BYTES))
                .orTimeout(whole.toMillis(), TimeUnit.MILLISECONDS)
                .whenCompleteAsync((response, error) -> finish(outcomeOf(leased, started, t0, response, error)),
                        workers);
    }

    private static AttemptOutcome outcomeOf(Leased leased, Instant started, long t0, HttpResponse<String> response,
                                            Throwable error) {
        int latency = millisSince(t0);
        if (response != null) {
            return new AttemptOutcome(leased.id(), started, response.statusCode(), null, latency, response.body());
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String what = cause instanceof HttpTimeoutException || cause instanceof TimeoutException
                ? "timed out: " + cause.getMessage() : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new AttemptOutcome(leased.id(), started, null, what, latency, null);
    }

    /** Hands an outcome to the recorder thread; the delivery stays in flight (leased) until it is recorded. */
    private void finish(AttemptOutcome outcome) {
        outcomes.add(outcome);
    }

    /**
     * Records outcomes in batches on one thread, one transaction per batch: one database connection however many
     * deliveries complete at once (the service's pool is small, docs/architecture.md).
     */
    private void recordOutcomes() {
        List<AttemptOutcome> batch = new ArrayList<>();
        while (running) {
            try {
                batch.add(outcomes.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            outcomes.drainTo(batch, RECORD_BATCH - 1);
            try {
                deliveries.recordAll(batch);
            } catch (RuntimeException batchFailed) {
                for (AttemptOutcome outcome : batch) {
                    try {
                        deliveries.recordAll(List.of(outcome));
                    } catch (RuntimeException e) {
                        // Its lease runs out and it is attempted again: at least once, never lost.
                        LOG.warnf(e, "Recording an attempt of webhook delivery %s failed", outcome.deliveryId());
                    }
                }
            }
            inFlight.addAndGet(-batch.size());
            batch.clear();
            wakeups.release();
        }
    }

    private static int millisSince(long t0) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - t0) / 1_000_000);
    }
}
