package live.harvest.logistics.network;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A county logistics distribution centre; one per county. */
@Entity
@Table(name = "centre")
public class Centre extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "county_code", nullable = false)
    public String countyCode;

    public String name;

    @Column(nullable = false)
    public String address;

    @Column(name = "cold_storage", nullable = false)
    public boolean coldStorage;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
