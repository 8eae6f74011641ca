package live.harvest.orders.offer;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferClosed;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import live.harvest.platform.inbox.IncomingEvents;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class LivestreamEventsConsumer {

    static final String CONSUMER = "orders-livestream";

    private final IncomingEvents incoming;
    private final OfferPools pools;

    public LivestreamEventsConsumer(IncomingEvents incoming, OfferPools pools) {
        this.incoming = incoming;
        this.pools = pools;
    }

    @Incoming("livestream-events")
    @Blocking
    @Transactional
    public void on(String record) {
        incoming.accept(CONSUMER, record).ifPresent(delivery -> {
            if (delivery.event() instanceof OfferOpened opened) {
                pools.opened(opened);
            } else if (delivery.event() instanceof OfferClosed closed) {
                pools.closed(closed);
            }
        });
    }
}
