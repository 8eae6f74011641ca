package live.harvest.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import live.harvest.platform.event.TopicNamespace;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes committed outbox rows to Kafka in {@code seq} order and stamps them sent. A transaction-scoped
 * PostgreSQL advisory lock makes one instance the relay at a time, so per-aggregate order holds even with
 * several replicas. A row is stamped only after the broker acknowledged it; a crash in between re-sends it,
 * which idempotent consumers absorb (at-least-once). It polls on its own thread because the Quarkus scheduler
 * cannot fire more often than once a second, and a flash sale needs events out within milliseconds.
 */
@ApplicationScoped
public class OutboxRelay {

    static final String CHANNEL = "harvest-outbox";
    private static final long RELAY_LOCK_KEY = 0x4841525645535400L; // "HARVEST\0"
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EntityManager em;
    private final Emitter<String> emitter;
    private final OutboxConfig config;
    private final TopicNamespace topics;

    public OutboxRelay(EntityManager em, @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER,
            bufferSize = 10_000) Emitter<String> emitter, OutboxConfig config, TopicNamespace topics) {
        this.em = em;
        this.emitter = emitter;
        this.config = config;
        this.topics = topics;
    }

    private volatile ScheduledExecutorService loop;

    void start(@Observes StartupEvent startup) {
        if (!config.relayEnabled()) {
            return;
        }
        loop = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        loop.scheduleWithFixedDelay(this::drain, config.pollInterval().toMillis(), config.pollInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (loop != null) {
            loop.shutdownNow();
        }
    }

    /** Publishes until the outbox is empty (or another instance holds the relay lock). */
    public void drain() {
        try {
            int sent;
            do {
                sent = relayBatch();
            } while (sent == config.batchSize());
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay batch failed, retrying on the next tick: %s", e.getMessage());
        }
    }

    /** Publishes one batch; returns how many rows were sent (0 when another instance holds the relay lock). */
    public int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object locked = em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK_KEY).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<OutboxMessage> batch = em.createQuery(
                            "from OutboxMessage where sentAt is null order by seq", OutboxMessage.class)
                    .setMaxResults(config.batchSize()).getResultList();
            if (batch.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
            for (OutboxMessage row : batch) {
                acks.add(send(row));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
            Instant now = Instant.now();
            batch.forEach(row -> row.sentAt = now);
            return batch.size();
        });
    }

    private CompletableFuture<Void> send(OutboxMessage row) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        RecordHeaders headers = new RecordHeaders();
        headers.add("event-id", row.eventId.toString().getBytes(StandardCharsets.UTF_8));
        headers.add("event-type", row.type.getBytes(StandardCharsets.UTF_8));
        // The row keeps the contract's topic name; the namespace is this deployment's (ADR 0017).
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topics.onBroker(row.topic)).withKey(row.aggregateId).withHeaders(headers).build();
        emitter.send(Message.of(row.envelope)
                .addMetadata(metadata)
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return acked;
    }
}
