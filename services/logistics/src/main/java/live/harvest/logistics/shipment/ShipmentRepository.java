package live.harvest.logistics.shipment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ShipmentRepository implements PanacheRepositoryBase<Shipment, UUID> {

    public Optional<Shipment> byOrder(UUID orderId) {
        return find("orderId", orderId).firstResultOptional();
    }

    /** The order's parcel, locked: scans, waves and withdrawals of one parcel take turns. */
    public Optional<Shipment> lockByOrder(UUID orderId) {
        return find("orderId", orderId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Parcels received at their destination centre and not yet in a wave, oldest first. */
    public List<Shipment> waitingAt(String centreCode) {
        return list("destinationCentreCode = ?1 and currentSiteCode = ?1 and status = ?2 and waveId is null"
                + " order by statusChangedAt", centreCode, ShipmentStatus.RECEIVED_AT_CENTRE);
    }

    /** Same as {@link #waitingAt} for one station, locked so two waves can never take the same parcel. */
    public List<Shipment> lockWaiting(String centreCode, String stationCode) {
        return find("destinationCentreCode = ?1 and currentSiteCode = ?1 and stationCode = ?2 and status = ?3"
                        + " and waveId is null order by statusChangedAt",
                centreCode, stationCode, ShipmentStatus.RECEIVED_AT_CENTRE)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public List<Shipment> inWave(UUID waveId) {
        return list("waveId = ?1 order by statusChangedAt", waveId);
    }

    /**
     * The wave's parcels, locked. A parcel withdrawn while the wave was being dispatched has left the wave by the time
     * its lock is granted, and PostgreSQL re-checks the condition then, so it is not dispatched.
     */
    public List<Shipment> lockInWave(UUID waveId) {
        return find("waveId = ?1 order by statusChangedAt", waveId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public List<TimelineEntry> timeline(UUID shipmentId) {
        return TimelineEntry.list("shipmentId = ?1 order by id", shipmentId);
    }
}
