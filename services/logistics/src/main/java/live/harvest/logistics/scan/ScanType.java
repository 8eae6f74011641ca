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
    RETURNED(ShipmentStatus.RETURNED);

    private final ShipmentStatus target;

    ScanType(ShipmentStatus target) {
        this.target = target;
    }

    public ShipmentStatus target() {
        return target;
    }
}
