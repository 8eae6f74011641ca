package live.harvest.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far the relay is behind: unsent rows and the age of the oldest. While the broker is down the buy path keeps
 * working (events wait here), so this, not a failing readiness probe, is what tells an operator events are stuck.
 * Measured every few seconds rather than per scrape, so scrapes never query the database.
 */
@ApplicationScoped
public class OutboxLag {

    private static final Logger LOG = Logger.getLogger(OutboxLag.class);

    private final EntityManager em;
    private final AtomicLong unsent = new AtomicLong();
    private final AtomicLong oldestUnsentSeconds = new AtomicLong();

    public OutboxLag(EntityManager em, MeterRegistry meters) {
        this.em = em;
        Gauge.builder("harvest.outbox.unsent", unsent, AtomicLong::get)
                .description("Outbox rows not yet acknowledged by the broker").register(meters);
        Gauge.builder("harvest.outbox.oldest.unsent.age", oldestUnsentSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest outbox row not yet acknowledged by the broker").register(meters);
    }

    public long unsent() {
        return unsent.get();
    }

    public Duration oldestUnsentAge() {
        return Duration.ofSeconds(oldestUnsentSeconds.get());
    }

    @Scheduled(every = "${harvest.outbox.lag-refresh:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                    "select count(*), min(occurred_at) from outbox_message where sent_at is null").getSingleResult());
            unsent.set(((Number) row[0]).longValue());
            Instant oldest = toInstant(row[1]);
            oldestUnsentSeconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toSeconds()));
        } catch (RuntimeException e) {
            LOG.debugf("Outbox lag not measured this time: %s", e.getMessage()); // the database's own health says why
        }
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        } else if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        } else if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return null;
    }
}
