package live.harvest.logistics.routing;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import live.harvest.logistics.cancellation.WithdrawalService;
import live.harvest.platform.consumer.EventDispatcher;
import live.harvest.platform.consumer.EventHandler;
import live.harvest.platform.event.orders.OrderEvents.OrderCancelled;
import live.harvest.platform.event.orders.OrderEvents.OrderPaid;
import live.harvest.platform.event.orders.OrderEvents.OrderRefunded;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.concurrent.CompletionStage;

/**
 * The orders topic's entry point: paid orders become shipments, cancelled and refunded ones withdraw them. Each poll's
 * records are applied in one transaction (ADR 0027): a flash sale's paid orders are the service's hottest path.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    static final String CONSUMER = "logistics";

    private final EventDispatcher dispatcher;

    public OrderEventsConsumer(EventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Incoming("orders-events")
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> records) {
        return dispatcher.dispatch(CONSUMER, records);
    }

    /** The inbox and the shipment's unique order id make redeliveries harmless. */
    @Produces
    @Singleton
    EventHandler<OrderPaid> orderPaid(RoutingService routing) {
        return (paid, envelope) -> routing.onOrderPaid(paid);
    }

    /**
     * Cancelled before dispatch: the parcel is cancelled; after (a race with a wave): it comes back. ADR 0014. An
     * order cancelled unpaid never had and never will have a parcel (CANCELLED is final in orders): nothing to record.
     */
    @Produces
    @Singleton
    EventHandler<OrderCancelled> orderCancelled(WithdrawalService withdrawals) {
        return (cancelled, envelope) -> {
            if (cancelled.wasPaid()) {
                withdrawals.withdraw(cancelled.orderId(), WithdrawalService.ORDER_CANCELLED, cancelled.reason());
            }
        };
    }

    /** Refunded: a parcel not yet dispatched is cancelled, a dispatched or delivered one comes back. ADR 0014. */
    @Produces
    @Singleton
    EventHandler<OrderRefunded> orderRefunded(WithdrawalService withdrawals) {
        return (refunded, envelope) -> withdrawals.withdraw(refunded.orderId(), WithdrawalService.ORDER_REFUNDED,
                refunded.reason());
    }
}
