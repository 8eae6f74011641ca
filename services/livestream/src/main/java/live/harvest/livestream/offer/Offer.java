package live.harvest.livestream.offer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import live.harvest.platform.event.common.TemperatureClass;

import java.time.Instant;
import java.util.UUID;

/** A flash sale during a live stream: units allocated from catalog, sold by orders from its Redis pool. */
@Entity
@Table(name = "offer")
public class Offer extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "stream_id", nullable = false)
    public UUID streamId;

    @Column(name = "seller_id", nullable = false)
    public UUID sellerId;

    @Column(name = "sku_id", nullable = false)
    public UUID skuId;

    @Column(name = "product_id", nullable = false)
    public UUID productId;

    @Column(name = "seller_county_code")
    public String sellerCountyCode;

    @Column(nullable = false)
    public String title;

    public String spec;

    @Enumerated(EnumType.STRING)
    @Column(name = "temperature_class", nullable = false)
    public TemperatureClass temperatureClass;

    @Column(name = "trace_code")
    public String traceCode;

    @Column(name = "price_fen", nullable = false)
    public long priceFen;

    @Column(nullable = false)
    public String currency;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "per_buyer_limit", nullable = false)
    public int perBuyerLimit;

    @Column(name = "ends_at")
    public Instant endsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OfferStatus status;

    @Column(nullable = false)
    public boolean pinned;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "close_reason")
    public String closeReason;

    @Column(name = "units_placed", nullable = false)
    public int unitsPlaced;

    @Column(name = "units_returned", nullable = false)
    public int unitsReturned;

    @Column(name = "stock_version", nullable = false)
    public long stockVersion;

    @Column(name = "units_left")
    public Integer unitsLeft;

    @Column(name = "drained_at")
    public Instant drainedAt;

    /** Allocated minus units of placed orders plus units returned to the offer by cancelled or expired orders. */
    public int remaining() {
        return Math.max(0, quantity - unitsPlaced + unitsReturned);
    }

    public boolean isOpen() {
        return status == OfferStatus.OPEN;
    }
}
