package live.harvest.integrations.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import live.harvest.integrations.history.EventRecorded;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every {@link EventRecorded} fired in this test JVM, as a webhook observer would see them. */
@ApplicationScoped
public class RecordedEvents {

    private final List<EventRecorded> fired = new CopyOnWriteArrayList<>();

    void on(@Observes EventRecorded recorded) {
        fired.add(recorded);
    }

    public List<EventRecorded> of(UUID eventId) {
        return fired.stream().filter(e -> e.eventId().equals(eventId)).toList();
    }
}
