package live.harvest.livestream.results;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import live.harvest.platform.state.StatusMachine;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** An order attributed to a stream, as order events described it. Results are aggregates over these rows. */
@Entity
@Table(name = "stream_order")
public class StreamOrder extends PanacheEntityBase {

    /** An order ends once: cancelled, expired or refunded exclude each other. */
    public enum Status implements StatusMachine<Status> {
        PLACED, CANCELLED, EXPIRED, REFUNDED;

        @Override
        public Set<Status> next() {
            return switch (this) {
                case PLACED -> EnumSet.of(CANCELLED, EXPIRED, REFUNDED);
                case CANCELLED, EXPIRED, REFUNDED -> EnumSet.noneOf(Status.class);
            };
        }
    }

    @Id
    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "stream_id", nullable = false)
    public UUID streamId;

    @Column(name = "buyer_id")
    public UUID buyerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "total_fen", nullable = false)
    public long totalFen;

    @Column(name = "refunded_fen", nullable = false)
    public long refundedFen;

    @Column(nullable = false)
    public String currency;

    @Column(name = "placed_at", nullable = false)
    public Instant placedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Ends a placed order; false, changing nothing, when it had ended already: the same end announced again under
     * another event id is no error, it just must not count twice.
     */
    public boolean end(Status target, Instant at) {
        if (!status.canMoveTo(target)) {
            return false;
        }
        status = target;
        updatedAt = at;
        return true;
    }
}
