package live.harvest.orders.idempotency;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import live.harvest.orders.config.OrdersConfig;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Records refusals (sold-out, limit reached, ...) in PostgreSQL before they are answered, so a retry after Redis lost
 * its entry gets the same answer. A rush refuses thousands a second, so refusals are group-committed: one thread
 * writes whatever is queued as one statement in one transaction, and each caller waits for its batch. A key already
 * recorded (a lapsed claim ran twice) keeps its first answer, which the caller then gives instead.
 */
@ApplicationScoped
public class RefusalLog {

    record Refusal(UUID buyerId, String key, String hash, StoredResponse answer, CompletableFuture<Boolean> written) {
    }

    private static final Logger LOG = Logger.getLogger(RefusalLog.class);
    private static final int MAX_BATCH = 1_000;
    private static final String INSERT = """
            INSERT INTO idempotency_record (buyer_id, idem_key, request_hash, response_status, problem_slug,
                                            problem_title, problem_detail, created_at, expires_at)
            SELECT b, k, h, s, sl, t, d, now(), now() + make_interval(secs => ?)
            FROM unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::int[], ?::varchar[], ?::varchar[], ?::varchar[])
                 AS u(b, k, h, s, sl, t, d)
            ON CONFLICT DO NOTHING
            RETURNING buyer_id, idem_key""";

    private final BlockingQueue<Refusal> queue = new LinkedBlockingQueue<>(50_000);
    private final AgroalDataSource db;
    private final IdempotencyRecords records;
    private final OrdersConfig config;
    private final MeterRegistry metrics;
    private volatile Thread writer;

    public RefusalLog(AgroalDataSource db, IdempotencyRecords records, OrdersConfig config, MeterRegistry metrics) {
        this.db = db;
        this.records = records;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * @return the answer to give: this refusal once it is durable, or the first answer if the key already had one.
     * If PostgreSQL cannot take it in time, the refusal is still answered (Redis remembers it) and counted.
     */
    public StoredResponse record(UUID buyerId, String key, String hash, StoredResponse refusal) {
        Refusal r = new Refusal(buyerId, key, hash, refusal, new CompletableFuture<>());
        try {
            if (queue.offer(r) && r.written().get(5, TimeUnit.SECONDS)) {
                return refusal;
            }
            if (r.written().isDone()) {
                return records.find(buyerId, key).map(IdempotencyRecord::toResponse).orElse(refusal);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debugf("Refusal for key %s not recorded: %s", key, e.toString());
        }
        metrics.counter("harvest.orders.refusals.unrecorded").increment();
        return refusal;
    }

    void start(@Observes StartupEvent event) {
        Thread thread = new Thread(this::writeLoop, "refusal-log");
        thread.setDaemon(true);
        thread.start();
        writer = thread;
    }

    void stop(@Observes ShutdownEvent event) {
        if (writer != null) {
            writer.interrupt();
        }
    }

    private void writeLoop() {
        List<Refusal> batch = new ArrayList<>(MAX_BATCH);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                Set<String> inserted = write(batch);
                batch.forEach(r -> r.written().complete(inserted.contains(r.buyerId() + " " + r.key())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("Could not record %d refusals: %s", batch.size(), e.toString());
                batch.forEach(r -> r.written().completeExceptionally(e));
            }
            batch.clear();
        }
    }

    private Set<String> write(List<Refusal> batch) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement(INSERT)) {
            c.setAutoCommit(true);
            insert.setLong(1, config.idempotencyRetention().toSeconds());
            insert.setArray(2, c.createArrayOf("uuid", batch.stream().map(Refusal::buyerId).toArray()));
            insert.setArray(3, c.createArrayOf("varchar", batch.stream().map(Refusal::key).toArray()));
            insert.setArray(4, c.createArrayOf("varchar", batch.stream().map(Refusal::hash).toArray()));
            insert.setArray(5, c.createArrayOf("int4", batch.stream().map(r -> r.answer().status()).toArray()));
            insert.setArray(6, c.createArrayOf("varchar", batch.stream().map(r -> r.answer().slug()).toArray()));
            insert.setArray(7, c.createArrayOf("varchar", batch.stream().map(r -> r.answer().title()).toArray()));
            insert.setArray(8, c.createArrayOf("varchar", batch.stream().map(r -> r.answer().detail()).toArray()));
            Set<String> inserted = new HashSet<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    inserted.add(rows.getObject(1, UUID.class) + " " + rows.getString(2));
                }
            }
            return inserted;
        }
    }
}
