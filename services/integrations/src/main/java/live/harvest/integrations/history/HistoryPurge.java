package live.harvest.integrations.history;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import live.harvest.integrations.config.IntegrationsConfig;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Keeps the history to its retention ({@code harvest.integrations.history.retention}, 35 days by default): rows
 * recorded earlier, and facts not touched since, are deleted in small batches, each its own short transaction
 * (a long one would hold back every history reader, ADR 0021).
 */
@ApplicationScoped
public class HistoryPurge {

    private static final Logger LOG = Logger.getLogger(HistoryPurge.class);

    private final EntityManager em;
    private final IntegrationsConfig config;

    HistoryPurge(EntityManager em, IntegrationsConfig config) {
        this.em = em;
        this.config = config;
    }

    @Scheduled(every = "${harvest.integrations.history.purge-every:1h}", delay = 1,
            delayUnit = java.util.concurrent.TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge(Instant.now().minus(config.history().retention()));
    }

    /** Deletes what was recorded (or, for facts, last touched) before {@code cutoff}; returns the events deleted. */
    public long purge(Instant cutoff) {
        Timestamp before = Timestamp.from(cutoff);
        long events = 0;
        for (String table : new String[] {"event_history", "order_fact", "seller_fact", "shipment_fact"}) {
            String column = "event_history".equals(table) ? "recorded_at" : "updated_at";
            String key = switch (table) {
                case "event_history" -> "seq";
                case "order_fact" -> "order_id";
                case "seller_fact" -> "seller_id";
                default -> "shipment_id";
            };
            String sql = "delete from " + table + " where " + key + " in (select " + key + " from " + table
                    + " where " + column + " < ?1 limit ?2)";
            int deleted;
            do {
                deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql)
                        .setParameter(1, before).setParameter(2, config.history().purgeBatch()).executeUpdate());
                if ("event_history".equals(table)) {
                    events += deleted;
                }
            } while (deleted > 0);
        }
        if (events > 0) {
            LOG.infof("Purged %d history events recorded before %s", events, cutoff);
        }
        return events;
    }
}
