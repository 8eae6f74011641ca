package live.harvest.logistics.scan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import live.harvest.logistics.shipment.ShipmentStatus;

import java.time.Instant;
import java.util.UUID;

/** One accepted scan, kept under the client's scan id so that a retried scan returns this same result. */
@Entity
@Table(name = "scan")
public class Scan extends PanacheEntityBase {

    @Id
    @Column(name = "scan_id")
    public UUID scanId;

    @Column(name = "shipment_id", nullable = false)
    public UUID shipmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ScanType type;

    @Column(name = "site_code", nullable = false)
    public String siteCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_after", nullable = false)
    public ShipmentStatus statusAfter;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "recorded_by", nullable = false)
    public UUID recordedBy;

    @Column(name = "recipient_name")
    public String recipientName;

    @Column(name = "proof_reference")
    public String proofReference;

    @Column(name = "pickup_point_code")
    public String pickupPointCode;

    public String reason;
}
