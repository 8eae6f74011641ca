package live.harvest.orders.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.orders.config.OrdersConfig;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The PostgreSQL side of idempotency: written with each accepted order, swept once expired. */
@ApplicationScoped
public class IdempotencyRecords {

    private final OrdersConfig config;

    public IdempotencyRecords(OrdersConfig config) {
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID buyerId, String key, String hash, UUID orderId, StoredResponse response) {
        IdempotencyRecord row = new IdempotencyRecord();
        row.key = new IdempotencyRecord.Key(buyerId, key);
        row.requestHash = hash;
        row.orderId = orderId;
        row.responseStatus = response.status();
        row.responseBody = response.body();
        row.createdAt = Instant.now();
        row.expiresAt = row.createdAt.plus(config.idempotencyRetention());
        row.persist();
    }

    @Transactional
    public Optional<IdempotencyRecord> find(UUID buyerId, String key) {
        return IdempotencyRecord.findByIdOptional(new IdempotencyRecord.Key(buyerId, key));
    }

    /** Every answer a buyer got within the retention: what Redis must hold again after it lost them. */
    @Transactional
    public List<IdempotencyRecord> liveOf(UUID buyerId, Instant now) {
        return IdempotencyRecord.list("key.buyerId = ?1 and expiresAt > ?2", buyerId, now);
    }

    /** Deletes records past their retention; Redis entries expire by themselves (PX). */
    @Scheduled(every = "1h", delay = 1, delayUnit = java.util.concurrent.TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void sweep() {
        sweepExpired(Instant.now());
    }

    @Transactional
    public long sweepExpired(Instant now) {
        return IdempotencyRecord.delete("expiresAt < ?1", now);
    }
}
