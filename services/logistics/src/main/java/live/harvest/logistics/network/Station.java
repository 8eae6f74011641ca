package live.harvest.logistics.network;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** A township delivery station: the last hop before the doorstep or a village pickup point. */
@Entity
@Table(name = "station")
public class Station extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "centre_code", nullable = false)
    public String centreCode;

    public String name;

    @Column(name = "cold_capable", nullable = false)
    public boolean coldCapable;

    @Column(name = "opening_hours", nullable = false)
    public String openingHours;

    /** 9-digit township codes this station delivers to, all inside its centre's county. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "station_township", joinColumns = @JoinColumn(name = "station_code"))
    @Column(name = "township_code")
    public Set<String> townships = new TreeSet<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
