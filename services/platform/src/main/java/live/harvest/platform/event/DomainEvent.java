package live.harvest.platform.event;

/**
 * A domain event payload. Implementations are records annotated with {@link EventType}; the aggregate id
 * decides the Kafka key and therefore the ordering scope.
 */
public interface DomainEvent {

    String aggregateId();
}
