package live.harvest.catalog.product;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A sellable variant of a product. {@code onHand} is read-only for Hibernate: only the stock ledger's
 * conditional UPDATE changes it, so a stale entity can never write an old stock figure back.
 */
@Entity
@Table(name = "sku")
public class Sku extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "product_id")
    public UUID productId;
    public String spec;
    @Column(name = "net_weight_grams")
    public int netWeightGrams;
    @Column(name = "price_fen")
    public long priceFen;
    public String currency;
    @Column(name = "on_hand", insertable = false, updatable = false)
    public long onHand;
    /** The seller's own anti-hoarding caps (ADR 0019); null: the platform default ({@code harvest.catalog.caps.*}). */
    @Column(name = "max_units_per_order")
    public Integer maxUnitsPerOrder;
    @Column(name = "max_units_per_buyer")
    public Integer maxUnitsPerBuyer;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
