package live.harvest.orders.offer;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import live.harvest.platform.consumer.EventDispatcher;
import live.harvest.platform.consumer.EventHandler;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferClosed;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import live.harvest.platform.event.livestream.LivestreamEvents.StreamEnded;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * The livestream topic's entry point; opened and closed offers build and drain live pools ({@link OfferPools}), an
 * ended stream makes its offers due for draining should their close never come ({@link EndedOffers}).
 */
@ApplicationScoped
public class LivestreamEventsConsumer {

    static final String CONSUMER = "orders-livestream";

    private final EventDispatcher dispatcher;

    public LivestreamEventsConsumer(EventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Incoming("livestream-events")
    @Blocking
    public CompletionStage<Void> on(Message<String> record) {
        return dispatcher.dispatch(CONSUMER, record);
    }

    @Produces
    @Singleton
    EventHandler<OfferOpened> offerOpened(OfferPools pools) {
        return (opened, envelope) -> pools.opened(opened);
    }

    @Produces
    @Singleton
    EventHandler<OfferClosed> offerClosed(OfferPools pools) {
        return (closed, envelope) -> pools.closed(closed);
    }

    @Produces
    @Singleton
    EventHandler<StreamEnded> streamEnded(EndedOffers ended) {
        return (event, envelope) -> ended.streamEnded(event);
    }
}
