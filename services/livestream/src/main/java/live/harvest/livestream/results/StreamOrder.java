package live.harvest.livestream.results;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An order attributed to a stream, as order events described it. Results are aggregates over these rows. */
@Entity
@Table(name = "stream_order")
public class StreamOrder extends PanacheEntityBase {

    public enum Status { PLACED, CANCELLED, EXPIRED, REFUNDED }

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
}
