package live.harvest.orders.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.event.orders.OrderEvents;

import java.util.UUID;

@Entity
@Table(name = "order_line")
public class OrderLine extends PanacheEntityBase {

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "order_id")
    public Order order;
    @Column(name = "line_no")
    public int lineNo;
    @Column(name = "product_id")
    public UUID productId;
    @Column(name = "sku_id")
    public UUID skuId;
    /** Set when the units came from a live offer's pool; null for a regular listing (catalog stock). */
    @Column(name = "offer_id")
    public UUID offerId;
    public String title;
    public String spec;
    public int quantity;
    @Column(name = "unit_price_fen")
    public long unitPriceFen;
    @Column(name = "line_total_fen")
    public long lineTotalFen;
    @Enumerated(EnumType.STRING)
    @Column(name = "temperature_class")
    public TemperatureClass temperatureClass;
    @Column(name = "trace_code")
    public String traceCode;
    /** Where the units went when the order was cancelled, expired or refunded before dispatch; null otherwise. */
    @Enumerated(EnumType.STRING)
    @Column(name = "returned_to")
    public OrderEvents.StockReturn returnedTo;

    public OrderEvents.OrderLine toContract() {
        return new OrderEvents.OrderLine(productId, skuId, offerId, title, spec, quantity, unitPriceFen,
                lineTotalFen, temperatureClass, traceCode);
    }
}
