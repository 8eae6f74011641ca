package live.harvest.logistics.wave;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import live.harvest.platform.state.StatusMachine;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** A dispatch wave: one vehicle run from a county centre to one township station, all sellers' parcels together. */
@Entity
@Table(name = "wave")
public class Wave extends PanacheEntityBase {

    /** Only an open wave changes: it is dispatched or cancelled, once. */
    public enum Status implements StatusMachine<Status> {
        OPEN, DISPATCHED, CANCELLED;

        @Override
        public Set<Status> next() {
            return switch (this) {
                case OPEN -> EnumSet.of(DISPATCHED, CANCELLED);
                case DISPATCHED, CANCELLED -> EnumSet.noneOf(Status.class);
            };
        }
    }

    @Id
    public UUID id;

    @Column(name = "centre_code", nullable = false)
    public String centreCode;

    @Column(name = "station_code", nullable = false)
    public String stationCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public String vehicle;
    public String driver;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "dispatched_at")
    public Instant dispatchedAt;

    @Version
    public long version;

    /** 409 {@code wave-not-open} unless the wave may still become {@code target}. */
    public void refuseUnlessItMayBecome(Status target) {
        StatusMachine.refuseUnless(status, target, "wave-not-open", "Wave " + id);
    }

    public void dispatch(Instant at) {
        refuseUnlessItMayBecome(Status.DISPATCHED);
        status = Status.DISPATCHED;
        dispatchedAt = at;
    }

    public void cancel() {
        refuseUnlessItMayBecome(Status.CANCELLED);
        status = Status.CANCELLED;
    }
}
