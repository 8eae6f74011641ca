package live.harvest.logistics.network;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A village pickup point (shop, village service centre) where a station can leave parcels for collection. */
@Entity
@Table(name = "pickup_point")
public class PickupPoint extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "station_code", nullable = false)
    public String stationCode;

    @Column(name = "village_code", nullable = false)
    public String villageCode;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
