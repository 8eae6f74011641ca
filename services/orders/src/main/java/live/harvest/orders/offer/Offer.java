package live.harvest.orders.offer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import live.harvest.platform.value.ListingSnapshot;

import java.time.Instant;
import java.util.UUID;

/** What livestream told us about an offer: the facts an order line and its shipment need. */
@Entity
@Table(name = "offer")
public class Offer extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "stream_id")
    public UUID streamId;
    /** Seller, product, SKU, title, spec, price, currency, temperature class, trace code: as livestream sent them. */
    @Embedded
    public ListingSnapshot listing;
    public int quantity;
    @Column(name = "per_buyer_limit")
    public int perBuyerLimit;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "drained_at")
    public Instant drainedAt;
    @Column(name = "units_left")
    public Integer unitsLeft;
    @Column(name = "pool_epoch")
    public long poolEpoch = 1;
}
