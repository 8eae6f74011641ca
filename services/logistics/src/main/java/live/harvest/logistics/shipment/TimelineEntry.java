package live.harvest.logistics.shipment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "shipment_timeline")
public class TimelineEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "shipment_id", nullable = false)
    public UUID shipmentId;

    /** A {@link ShipmentStatus} name, or {@code COLD_CHAIN_EXCEPTION}. */
    @Column(nullable = false)
    public String kind;

    @Column(name = "site_code")
    public String siteCode;

    @Column(nullable = false)
    public Instant at;

    public String note;
}
