package live.harvest.integrations.history;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import live.harvest.platform.consumer.EventDispatcher;
import live.harvest.platform.consumer.EventHandler;
import live.harvest.platform.event.DomainEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * The four domain topics' entry point: every event of every domain enters the partner event history (and, through
 * {@link EventRecorded}, the webhooks). One inbox name for all four channels: event ids are unique across topics.
 */
@ApplicationScoped
public class HistoryEventsConsumer {

    static final String CONSUMER = "integrations";

    private final EventDispatcher dispatcher;

    public HistoryEventsConsumer(EventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Incoming("catalog-events")
    @Blocking
    public CompletionStage<Void> onCatalog(Message<String> record) {
        return dispatcher.dispatch(CONSUMER, record);
    }

    @Incoming("livestream-events")
    @Blocking
    public CompletionStage<Void> onLivestream(Message<String> record) {
        return dispatcher.dispatch(CONSUMER, record);
    }

    @Incoming("orders-events")
    @Blocking
    public CompletionStage<Void> onOrders(Message<String> record) {
        return dispatcher.dispatch(CONSUMER, record);
    }

    @Incoming("logistics-events")
    @Blocking
    public CompletionStage<Void> onLogistics(Message<String> record) {
        return dispatcher.dispatch(CONSUMER, record);
    }

    /** Every event, whatever its type: the inbox drops repeated deliveries, the history's unique event id too. */
    @Produces
    @Singleton
    EventHandler<DomainEvent> anyEvent(EventHistory history) {
        return (event, envelope) -> history.record(envelope);
    }
}
