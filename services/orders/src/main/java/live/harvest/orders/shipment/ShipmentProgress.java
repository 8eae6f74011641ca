package live.harvest.orders.shipment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import live.harvest.orders.order.Order;
import live.harvest.orders.order.OrderRepository;
import live.harvest.orders.order.OrderStatus;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentArrivedAtStation;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentDelivered;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentDeliveryFailed;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentDispatched;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentEvent;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentHeldForPickup;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentOutForDelivery;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentPickedUp;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentReturnAtCentre;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentReturnAtStation;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentReturnStarted;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentReturned;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentRouted;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentRoutingFailed;

import java.util.Optional;
import java.util.UUID;

/**
 * Moves an order along with its shipment. The state machine only lets logistics stages move forward, so a late,
 * older event (or one for a cancelled order) is kept on the timeline but changes nothing.
 */
@ApplicationScoped
public class ShipmentProgress {

    private final OrderRepository orders;

    public ShipmentProgress(OrderRepository orders) {
        this.orders = orders;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ShipmentEvent event, UUID eventId, String type) {
        Order order = orders.findById(event.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            return; // another environment's or an older run's order: not ours to track
        }
        if (order.dispatchedAt == null && leftCentre(event)) {
            order.dispatchedAt = event.at(); // even when the event moves nothing: a refund must know (ADR 0018)
        }
        String actor = "event:" + eventId;
        String cause = type + describe(event);
        Optional<OrderStatus> target = targetOf(event);
        if (target.isPresent() && order.status.canMoveTo(target.get())) {
            order.moveTo(target.get(), cause, actor, event.at());
        } else {
            order.note(target.isPresent() ? cause + " (not applied: order is " + order.status + ")" : cause, actor,
                    event.at());
        }
    }

    static Optional<OrderStatus> targetOf(ShipmentEvent event) {
        OrderStatus target = null; // created, delivery attempt failed, returned, cold-chain exception: timeline only
        if (event instanceof ShipmentRouted) {
            target = OrderStatus.ROUTED;
        } else if (event instanceof ShipmentRoutingFailed) {
            target = OrderStatus.ROUTING_FAILED;
        } else if (event instanceof ShipmentDispatched) {
            target = OrderStatus.DISPATCHED;
        } else if (event instanceof ShipmentArrivedAtStation) {
            target = OrderStatus.AT_STATION;
        } else if (event instanceof ShipmentOutForDelivery) {
            target = OrderStatus.OUT_FOR_DELIVERY;
        } else if (event instanceof ShipmentHeldForPickup) {
            target = OrderStatus.HELD_AT_PICKUP;
        } else if (event instanceof ShipmentDelivered) {
            target = OrderStatus.DELIVERED;
        } else if (event instanceof ShipmentPickedUp) {
            target = OrderStatus.PICKED_UP;
        }
        return Optional.ofNullable(target);
    }

    /** The parcel is past its centre: dispatched, or any later stage of the way out or back. */
    static boolean leftCentre(ShipmentEvent event) {
        Optional<OrderStatus> target = targetOf(event);
        if (target.isPresent()) {
            return target.get() != OrderStatus.ROUTED && target.get() != OrderStatus.ROUTING_FAILED;
        }
        return event instanceof ShipmentDeliveryFailed || event instanceof ShipmentReturnStarted
                || event instanceof ShipmentReturnAtStation || event instanceof ShipmentReturnAtCentre
                || event instanceof ShipmentReturned;
    }

    private static String describe(ShipmentEvent event) {
        if (event instanceof ShipmentRouted e) {
            return " via " + e.destinationCentreCode() + " to " + e.stationCode();
        } else if (event instanceof ShipmentRoutingFailed e) {
            return ": " + e.reason();
        } else if (event instanceof ShipmentDispatched e) {
            return " to " + e.stationCode();
        } else if (event instanceof ShipmentArrivedAtStation e) {
            return " at " + e.stationCode();
        } else if (event instanceof ShipmentHeldForPickup e) {
            return " at " + e.pickupPointCode(); // the code itself stays with the buyer (their tracking view)
        }
        return "";
    }
}
