package live.harvest.logistics.coldchain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A temperature measured for one parcel or for a whole wave's load (then each parcel is judged by its class). */
@Entity
@Table(name = "temperature_reading")
public class TemperatureReading extends PanacheEntityBase {

    @Id
    @Column(name = "reading_id")
    public UUID readingId;

    @Column(name = "shipment_id")
    public UUID shipmentId;

    @Column(name = "wave_id")
    public UUID waveId;

    @Column(nullable = false)
    public double celsius;

    @Column(name = "site_code", nullable = false)
    public String siteCode;

    @Column(name = "measured_at", nullable = false)
    public Instant measuredAt;

    @Column(name = "recorded_by", nullable = false)
    public UUID recordedBy;

    /** How many parcels this reading put outside their temperature range. */
    @Column(nullable = false)
    public int excursions;
}
