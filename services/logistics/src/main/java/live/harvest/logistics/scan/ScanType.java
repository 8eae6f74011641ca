package live.harvest.logistics.scan;

import live.harvest.logistics.shipment.ShipmentStatus;

/** What an operator can scan. DISPATCHED is not here: a parcel leaves its centre only in a dispatch wave. */
public enum ScanType {
    RECEIVED_AT_CENTRE(ShipmentStatus.RECEIVED_AT_CENTRE),
    ARRIVED_AT_STATION(ShipmentStatus.ARRIVED_AT_STATION),
    OUT_FOR_DELIVERY(ShipmentStatus.OUT_FOR_DELIVERY),
    DELIVERED(ShipmentStatus.DELIVERED),
    HELD_AT_PICKUP(ShipmentStatus.HELD_AT_PICKUP),
    PICKED_UP(ShipmentStatus.PICKED_UP),
    DELIVERY_FAILED(ShipmentStatus.DELIVERY_FAILED),
    /** Handed back to the seller: at the station after a failed delivery, at the origin centre on a return leg. */
    RETURNED(ShipmentStatus.RETURNED),
    /** Return leg (ADR 0014): the returning parcel is back at its station. */
    RETURN_AT_STATION(ShipmentStatus.RETURN_AT_STATION),
    /** Return leg: scanned in at its destination centre, then at its origin centre when that is another one. */
    RETURN_AT_CENTRE(ShipmentStatus.RETURN_AT_CENTRE);

    private final ShipmentStatus target;

    ScanType(ShipmentStatus target) {
        this.target = target;
    }

    public ShipmentStatus target() {
        return target;
    }

    /** The scans a parcel on its way back accepts. */
    public boolean isReturnLeg() {
        return this == RETURN_AT_STATION || this == RETURN_AT_CENTRE || this == RETURNED;
    }
}
