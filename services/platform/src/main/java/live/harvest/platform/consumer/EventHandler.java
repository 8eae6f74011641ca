package live.harvest.platform.consumer;

import live.harvest.platform.event.DomainEvent;
import live.harvest.platform.event.EventEnvelope;

/**
 * Applies one kind of event to this service's state. Handlers are CDI beans, usually one-line producer methods
 * beside the channel's {@code @Incoming} method ({@code @Produces @Singleton EventHandler<OrderPaid> orderPaid(...)});
 * {@link HandlerRegistry} finds them by their type argument once at start-up (a handler of an interface such as {@code ShipmentEvent} gets every
 * event implementing it) and calls them inside the consumer transaction, after the inbox has dropped duplicates
 * and the contract check has passed.
 *
 * <p>Never catch and swallow failures here: a transient one must roll back and be retried with the inbox row, and a
 * business refusal ({@link live.harvest.platform.problem.DomainException}) is recorded by the dispatcher.
 */
public interface EventHandler<E extends DomainEvent> {

    void handle(E event, EventEnvelope envelope);
}
