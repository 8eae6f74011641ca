package live.harvest.logistics.shipment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.platform.event.DomainEvent;
import live.harvest.platform.outbox.Outbox;
import live.harvest.platform.state.StatusMachine;

import java.time.Instant;

/**
 * The one way a shipment changes state: check the move is allowed, apply it, add it to the timeline and
 * publish its event, all in the caller's transaction.
 */
@ApplicationScoped
public class ShipmentJournal {

    private final Outbox outbox;

    public ShipmentJournal(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void move(Shipment shipment, ShipmentStatus target, String siteCode, Instant at, String note,
                     DomainEvent event) {
        StatusMachine.refuseUnless(shipment.status, target, "out-of-sequence", "Shipment " + shipment.id);
        shipment.status = target;
        shipment.statusChangedAt = at;
        if (siteCode != null) {
            shipment.currentSiteCode = siteCode;
        }
        record(shipment, target.name(), siteCode, at, note, event);
    }

    /** A timeline entry and event that do not change the status, such as a cold-chain exception. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Shipment shipment, String kind, String siteCode, Instant at, String note, DomainEvent event) {
        TimelineEntry entry = new TimelineEntry();
        entry.shipmentId = shipment.id;
        entry.kind = kind;
        entry.siteCode = siteCode;
        entry.at = at;
        entry.note = note == null || note.length() <= 300 ? note : note.substring(0, 300);
        entry.persist();
        if (event != null) {
            outbox.publish(event);
        }
    }
}
