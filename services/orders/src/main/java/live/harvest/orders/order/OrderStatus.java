package live.harvest.orders.order;

import live.harvest.platform.state.StatusMachine;

import java.util.EnumSet;
import java.util.Set;

/**
 * The order state machine, in one place: each state lists the states it may move to. Logistics stages may be
 * skipped forward (events can arrive out of order or be coalesced) but never moved backwards.
 */
public enum OrderStatus implements StatusMachine<OrderStatus> {
    PENDING_PAYMENT, PAID, ROUTED, ROUTING_FAILED, DISPATCHED, AT_STATION, OUT_FOR_DELIVERY, HELD_AT_PICKUP,
    DELIVERED, PICKED_UP, CANCELLED, EXPIRED, REFUND_REQUESTED, REFUNDED;

    @Override
    public Set<OrderStatus> next() {
        return switch (this) {
            case PENDING_PAYMENT -> EnumSet.of(PAID, CANCELLED, EXPIRED);
            case PAID -> EnumSet.of(ROUTED, ROUTING_FAILED, DISPATCHED, AT_STATION, OUT_FOR_DELIVERY, HELD_AT_PICKUP,
                    DELIVERED, PICKED_UP, CANCELLED, REFUND_REQUESTED);
            case ROUTED -> EnumSet.of(DISPATCHED, AT_STATION, OUT_FOR_DELIVERY, HELD_AT_PICKUP, DELIVERED, PICKED_UP,
                    CANCELLED, REFUND_REQUESTED);
            case ROUTING_FAILED -> EnumSet.of(ROUTED, CANCELLED, REFUND_REQUESTED);
            case DISPATCHED -> EnumSet.of(AT_STATION, OUT_FOR_DELIVERY, HELD_AT_PICKUP, DELIVERED, PICKED_UP);
            case AT_STATION -> EnumSet.of(OUT_FOR_DELIVERY, HELD_AT_PICKUP, DELIVERED, PICKED_UP);
            case OUT_FOR_DELIVERY -> EnumSet.of(HELD_AT_PICKUP, DELIVERED, PICKED_UP);
            case HELD_AT_PICKUP -> EnumSet.of(PICKED_UP);
            case DELIVERED, PICKED_UP -> EnumSet.of(REFUND_REQUESTED);
            case REFUND_REQUESTED -> EnumSet.of(REFUNDED);
            case CANCELLED, EXPIRED, REFUNDED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    /** Paid and not yet refunded or cancelled: the buyer's money is with us. */
    public boolean isPaid() {
        return this != PENDING_PAYMENT && this != CANCELLED && this != EXPIRED && this != REFUNDED;
    }
}
