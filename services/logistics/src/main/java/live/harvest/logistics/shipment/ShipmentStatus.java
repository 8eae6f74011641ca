package live.harvest.logistics.shipment;

import java.util.EnumSet;
import java.util.Set;

/** Where a parcel is in its journey. The allowed moves are the only order in which scans are accepted. */
public enum ShipmentStatus {
    CREATED, ROUTED, ROUTING_FAILED, RECEIVED_AT_CENTRE, DISPATCHED, ARRIVED_AT_STATION, OUT_FOR_DELIVERY,
    DELIVERED, HELD_AT_PICKUP, PICKED_UP, DELIVERY_FAILED, RETURNED;

    public Set<ShipmentStatus> next() {
        return switch (this) {
            case CREATED -> EnumSet.of(ROUTED, ROUTING_FAILED);
            case ROUTING_FAILED -> EnumSet.of(ROUTED, ROUTING_FAILED);
            case ROUTED -> EnumSet.of(RECEIVED_AT_CENTRE);
            // A parcel from another county is received twice: at its origin centre, then at its destination.
            case RECEIVED_AT_CENTRE -> EnumSet.of(RECEIVED_AT_CENTRE, DISPATCHED);
            case DISPATCHED -> EnumSet.of(ARRIVED_AT_STATION);
            case ARRIVED_AT_STATION -> EnumSet.of(OUT_FOR_DELIVERY, HELD_AT_PICKUP);
            case OUT_FOR_DELIVERY -> EnumSet.of(DELIVERED, DELIVERY_FAILED, HELD_AT_PICKUP);
            case DELIVERY_FAILED -> EnumSet.of(OUT_FOR_DELIVERY, HELD_AT_PICKUP, RETURNED);
            case HELD_AT_PICKUP -> EnumSet.of(PICKED_UP, RETURNED);
            case DELIVERED, PICKED_UP, RETURNED -> EnumSet.noneOf(ShipmentStatus.class);
        };
    }

    public boolean canMoveTo(ShipmentStatus target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }
}
