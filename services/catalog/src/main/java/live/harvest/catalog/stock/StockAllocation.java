package live.harvest.catalog.stock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import live.harvest.platform.value.ListingSnapshot;

import java.time.Instant;
import java.util.UUID;

/**
 * Units handed to one live-stream offer, with the answer given, so a repeated call gets the same body: the listing
 * as it was then is a {@link ListingSnapshot}.
 */
@Entity
@Table(name = "stock_allocation")
public class StockAllocation extends PanacheEntityBase {

    @Id
    @Column(name = "offer_id")
    public UUID offerId;
    @Embedded
    public ListingSnapshot listing;
    public int quantity;
    @Column(name = "on_hand_after")
    public Long onHandAfter;
    @Column(name = "released_quantity")
    public Integer releasedQuantity;
    @Column(name = "released_at")
    public Instant releasedAt;
    @Column(name = "created_at")
    public Instant createdAt;
}
