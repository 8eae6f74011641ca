package live.harvest.catalog.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;

import java.time.Instant;
import java.util.UUID;

/** One ledger line. Written only by {@link StockLedger}, in the transaction that changed on-hand. */
@Entity
@Table(name = "stock_movement")
public class StockMovement extends PanacheEntityBase {

    @Id
    public UUID id;
    /** Assigned by the database after the SKU row lock; read back on insert. */
    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "sku_id")
    public UUID skuId;
    @Enumerated(EnumType.STRING)
    public MovementKind kind;
    public long delta;
    @Column(name = "on_hand_after")
    public long onHandAfter;
    @Column(name = "offer_id")
    public UUID offerId;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "source_event_id")
    public UUID sourceEventId;
    public String reason;
    @Column(name = "actor_id")
    public UUID actorId;
    @Column(name = "occurred_at")
    public Instant occurredAt;
}
