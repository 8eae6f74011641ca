package live.harvest.catalog.stock;

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

/** Units handed to one live-stream offer, with the answer given, so a repeated call gets the same body. */
@Entity
@Table(name = "stock_allocation")
public class StockAllocation extends PanacheEntityBase {

    @Id
    @Column(name = "offer_id")
    public UUID offerId;
    @Column(name = "sku_id")
    public UUID skuId;
    @Column(name = "product_id")
    public UUID productId;
    @Column(name = "seller_id")
    public UUID sellerId;
    @Column(name = "seller_county_code")
    public String sellerCountyCode;
    public String title;
    public String spec;
    @Column(name = "price_fen")
    public long priceFen;
    public String currency;
    @Enumerated(EnumType.STRING)
    @Column(name = "temperature_class")
    public TemperatureClass temperatureClass;
    @Column(name = "trace_code")
    public String traceCode;
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
