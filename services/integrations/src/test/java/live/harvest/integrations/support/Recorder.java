package live.harvest.integrations.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import live.harvest.integrations.history.EventRecorded;
import live.harvest.integrations.visibility.VisibilityKeys;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fires {@link EventRecorded} in a transaction of its own, as the history does when it records an event: what the
 * webhooks observe. {@link #recordThenRollBack} proves nothing is delivered for an event whose transaction failed.
 */
@ApplicationScoped
public class Recorder {

    private static final AtomicLong POSITION = new AtomicLong(System.currentTimeMillis());

    private final Event<EventRecorded> recorded;

    public Recorder(Event<EventRecorded> recorded) {
        this.recorded = recorded;
    }

    /** Records an event of {@code type} that concerns {@code county}, commits, and returns it. */
    public EventRecorded record(String type, String county) {
        EventRecorded event = event(type, county);
        QuarkusTransaction.requiringNew().run(() -> recorded.fire(event));
        return event;
    }

    public EventRecorded recordThenRollBack(String type, String county) {
        EventRecorded event = event(type, county);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                recorded.fire(event);
                throw new IllegalStateException("the recording transaction fails after the event was observed");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        return event;
    }

    public static EventRecorded event(String type, String county) {
        UUID eventId = UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String envelope = "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"version\":1,"
                + "\"aggregateId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"" + at + "\","
                + "\"payload\":{\"county\":\"" + county + "\",\"note\":\"\u65b0\u9c9c\"}}";
        return new EventRecorded(POSITION.incrementAndGet(), eventId, type, at, envelope,
                new VisibilityKeys(Set.of(county), Set.of(), null));
    }
}
