package live.harvest.livestream.counter;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Every {@code harvest.livestream.counters.checkpoint-interval} (1 s): re-asserts this instance's viewers in Redis,
 * then saves the counters of the streams whose likes or viewers changed here since the last run to PostgreSQL, in one
 * transaction. Runs on every instance; the saves are monotonic, so overlapping ones do no harm.
 */
@ApplicationScoped
public class CounterCheckpointJob {

    private static final Logger LOG = Logger.getLogger(CounterCheckpointJob.class);

    private final Counters counters;
    private final CounterCheckpoints checkpoints;

    public CounterCheckpointJob(Counters counters, CounterCheckpoints checkpoints) {
        this.counters = counters;
        this.checkpoints = checkpoints;
    }

    @Scheduled(every = "${harvest.livestream.counters.checkpoint-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        counters.syncLocalViewers();
        Set<UUID> changed = counters.takeChanged();
        if (changed.isEmpty()) {
            return;
        }
        try {
            List<Checkpoint> now = changed.stream().map(counters::checkpointOf).flatMap(Optional::stream).toList();
            if (!now.isEmpty()) {
                checkpoints.save(now);
            }
        } catch (RuntimeException e) {
            counters.changedAgain(changed);
            LOG.warnf("Could not checkpoint the counters of %d streams, retrying on the next run: %s",
                    changed.size(), e.getMessage());
        }
    }
}
