package live.harvest.logistics.shipment;

import live.harvest.platform.state.StatusMachine;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Where a parcel is in its journey. The allowed moves are the only order in which scans are accepted. */
public enum ShipmentStatus implements StatusMachine<ShipmentStatus> {
    CREATED, ROUTED, ROUTING_FAILED, RECEIVED_AT_CENTRE, DISPATCHED, ARRIVED_AT_STATION, OUT_FOR_DELIVERY,
    DELIVERED, HELD_AT_PICKUP, PICKED_UP, DELIVERY_FAILED, RETURNED,
    /** The order was withdrawn before dispatch; the parcel never leaves its centre (ADR 0014). */
    CANCELLED,
    /** The order was withdrawn after dispatch; the parcel travels back: station, centre(s), seller (ADR 0014). */
    RETURNING, RETURN_AT_STATION, RETURN_AT_CENTRE;

    /** Before dispatch an order's withdrawal cancels the parcel; from dispatch on it has to come back. */
    private static final Set<ShipmentStatus> BEFORE_DISPATCH = EnumSet.of(CREATED, ROUTED, ROUTING_FAILED,
            RECEIVED_AT_CENTRE);
    private static final Set<ShipmentStatus> OUTBOUND = EnumSet.of(DISPATCHED, ARRIVED_AT_STATION, OUT_FOR_DELIVERY,
            HELD_AT_PICKUP, DELIVERY_FAILED, DELIVERED, PICKED_UP);

    @Override
    public Set<ShipmentStatus> next() {
        return switch (this) {
            case CREATED -> EnumSet.of(ROUTED, ROUTING_FAILED, CANCELLED);
            case ROUTING_FAILED -> EnumSet.of(ROUTED, ROUTING_FAILED, CANCELLED);
            case ROUTED -> EnumSet.of(RECEIVED_AT_CENTRE, CANCELLED);
            // A parcel from another county is received twice: at its origin centre, then at its destination.
            case RECEIVED_AT_CENTRE -> EnumSet.of(RECEIVED_AT_CENTRE, DISPATCHED, CANCELLED);
            case DISPATCHED -> EnumSet.of(ARRIVED_AT_STATION, RETURNING);
            case ARRIVED_AT_STATION -> EnumSet.of(OUT_FOR_DELIVERY, HELD_AT_PICKUP, RETURNING);
            case OUT_FOR_DELIVERY -> EnumSet.of(DELIVERED, DELIVERY_FAILED, HELD_AT_PICKUP, RETURNING);
            case DELIVERY_FAILED -> EnumSet.of(OUT_FOR_DELIVERY, HELD_AT_PICKUP, RETURNED, RETURNING);
            case HELD_AT_PICKUP -> EnumSet.of(PICKED_UP, RETURNED, RETURNING);
            // Delivered goods come back only when the order is refunded.
            case DELIVERED, PICKED_UP -> EnumSet.of(RETURNING);
            case RETURNING -> EnumSet.of(RETURN_AT_STATION);
            case RETURN_AT_STATION -> EnumSet.of(RETURN_AT_CENTRE);
            // Like the way out, a parcel of another county is scanned at both centres, then handed to the seller.
            case RETURN_AT_CENTRE -> EnumSet.of(RETURN_AT_CENTRE, RETURNED);
            case RETURNED, CANCELLED -> EnumSet.noneOf(ShipmentStatus.class);
        };
    }

    /** No further hop is expected: delivered, picked up, returned or cancelled (only a refund moves a delivered one). */
    public boolean isAtRest() {
        return isFinal() || this == DELIVERED || this == PICKED_UP;
    }

    /** On the way back to the seller (the return leg), whether or not it has been scanned yet. */
    public boolean isReturning() {
        return this == RETURNING || this == RETURN_AT_STATION || this == RETURN_AT_CENTRE;
    }

    /**
     * What the order being cancelled or refunded does to a parcel in this state: CANCELLED before dispatch,
     * RETURNING once dispatched or delivered, nothing when it is already cancelled, returning or returned.
     */
    public Optional<ShipmentStatus> whenOrderWithdrawn() {
        if (BEFORE_DISPATCH.contains(this)) {
            return Optional.of(CANCELLED);
        }
        if (OUTBOUND.contains(this)) {
            return Optional.of(RETURNING);
        }
        return Optional.empty();
    }
}
