package live.harvest.livestream.results;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.platform.event.orders.OrderEvents.OfferPoolDrained;
import live.harvest.platform.event.orders.OrderEvents.OrderCancelled;
import live.harvest.platform.event.orders.OrderEvents.OrderExpired;
import live.harvest.platform.event.orders.OrderEvents.OrderPlaced;
import live.harvest.platform.event.orders.OrderEvents.OrderRefunded;
import live.harvest.platform.inbox.IncomingEvents;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Order events drive results, remaining stock and drained offers. Duplicates are dropped by the inbox. */
@ApplicationScoped
public class OrderEventsConsumer {

    static final String CONSUMER = "livestream";

    private final IncomingEvents incoming;
    private final OrderFacts facts;

    public OrderEventsConsumer(IncomingEvents incoming, OrderFacts facts) {
        this.incoming = incoming;
        this.facts = facts;
    }

    @Incoming("orders-events")
    @Blocking
    @Transactional
    public void on(String record) {
        incoming.accept(CONSUMER, record).ifPresent(delivery -> {
            if (delivery.event() instanceof OrderPlaced placed) {
                facts.placed(placed);
            } else if (delivery.event() instanceof OrderCancelled cancelled) {
                facts.cancelled(cancelled);
            } else if (delivery.event() instanceof OrderExpired expired) {
                facts.expired(expired);
            } else if (delivery.event() instanceof OrderRefunded refunded) {
                facts.refunded(refunded);
            } else if (delivery.event() instanceof OfferPoolDrained drained) {
                facts.drained(drained);
            }
        });
    }
}
