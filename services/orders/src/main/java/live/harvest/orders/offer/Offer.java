package live.harvest.orders.offer;

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

/** What livestream told us about an offer: the facts an order line and its shipment need. */
@Entity
@Table(name = "offer")
public class Offer extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "stream_id")
    public UUID streamId;
    @Column(name = "seller_id")
    public UUID sellerId;
    @Column(name = "seller_county_code")
    public String sellerCountyCode;
    @Column(name = "product_id")
    public UUID productId;
    @Column(name = "sku_id")
    public UUID skuId;
    public String title;
    public String spec;
    @Column(name = "price_fen")
    public long priceFen;
    public String currency;
    public int quantity;
    @Column(name = "per_buyer_limit")
    public int perBuyerLimit;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "temperature_class")
    public TemperatureClass temperatureClass;
    @Column(name = "trace_code")
    public String traceCode;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "drained_at")
    public Instant drainedAt;
    @Column(name = "units_left")
    public Integer unitsLeft;
    @Column(name = "pool_epoch")
    public long poolEpoch = 1;
}
