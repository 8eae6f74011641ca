package live.harvest.platform.event;

import live.harvest.platform.event.catalog.CatalogEvents;
import live.harvest.platform.event.livestream.LivestreamEvents;
import live.harvest.platform.event.logistics.LogisticsEvents;
import live.harvest.platform.event.orders.OrderEvents;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Registry of every event contract, keyed by type name. */
public final class EventTypes {

    public static final List<Class<? extends DomainEvent>> ALL = Stream.of(
                    CatalogEvents.ALL, LivestreamEvents.ALL, OrderEvents.ALL, LogisticsEvents.ALL)
            .flatMap(List::stream)
            .toList();

    private static final Map<String, Class<? extends DomainEvent>> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(c -> contractOf(c).value(), Function.identity()));

    private EventTypes() {
    }

    public static EventType contractOf(Class<? extends DomainEvent> eventClass) {
        EventType contract = eventClass.getAnnotation(EventType.class);
        if (contract == null) {
            throw new IllegalStateException(eventClass.getName() + " has no @EventType");
        }
        return contract;
    }

    public static Optional<Class<? extends DomainEvent>> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}
