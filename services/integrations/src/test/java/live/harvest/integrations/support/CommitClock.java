package live.harvest.integrations.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import live.harvest.integrations.history.EventRecorded;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** When each recorded event's transaction committed ({@code System.nanoTime()}), for latency measurements. */
@ApplicationScoped
public class CommitClock {

    private final Map<UUID, Long> committed = new ConcurrentHashMap<>();

    void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventRecorded recorded) {
        committed.put(recorded.eventId(), System.nanoTime());
    }

    public Long committedNanos(UUID eventId) {
        return committed.get(eventId);
    }
}
