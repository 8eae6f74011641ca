package live.harvest.platform.consumer;

import io.quarkus.arc.All;
import io.quarkus.arc.InstanceHandle;
import jakarta.enterprise.context.ApplicationScoped;
import live.harvest.platform.event.DomainEvent;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every {@link EventHandler} bean of the application, keyed once by the event type it declares. A handler of an
 * interface (e.g. {@code ShipmentEvent}) serves every event record implementing it.
 */
@ApplicationScoped
public class HandlerRegistry {

    private record Registration(Class<?> eventType, EventHandler<DomainEvent> handler) {
    }

    private final List<Registration> registrations = new ArrayList<>();
    private final Map<Class<?>, List<EventHandler<DomainEvent>>> byEventClass = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    public HandlerRegistry(@All List<InstanceHandle<EventHandler<?>>> handlers) {
        List<InstanceHandle<EventHandler<?>>> sorted = new ArrayList<>(handlers);
        sorted.sort(Comparator.comparing(h -> h.getBean().getIdentifier()));
        for (InstanceHandle<EventHandler<?>> handle : sorted) {
            Class<?> eventType = handle.getBean().getTypes().stream()
                    .filter(t -> t instanceof ParameterizedType p && p.getRawType() == EventHandler.class)
                    .map(t -> ((ParameterizedType) t).getActualTypeArguments()[0])
                    .map(HandlerRegistry::classOf)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(handle.getBean()
                            + " must be an EventHandler<SomeEvent> with a concrete event type"));
            registrations.add(new Registration(eventType, (EventHandler<DomainEvent>) handle.get()));
        }
    }

    /** The handlers that apply {@code eventClass}, in a stable order; empty when this service does not care. */
    public List<EventHandler<DomainEvent>> handlersOf(Class<? extends DomainEvent> eventClass) {
        return byEventClass.computeIfAbsent(eventClass, c -> registrations.stream()
                .filter(r -> r.eventType().isAssignableFrom(c))
                .map(Registration::handler)
                .toList());
    }

    private static Class<?> classOf(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        throw new IllegalStateException("EventHandler type argument must be a class or interface, not " + type);
    }
}
