package live.harvest.orders.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import live.harvest.platform.event.orders.OrderEvents;
import live.harvest.platform.value.ListingSnapshot;

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
    /** What was sold, as the offer or catalog priced it then; the line's price column is named unit_price_fen. */
    @Embedded
    @AttributeOverride(name = "priceFen", column = @Column(name = "unit_price_fen"))
    public ListingSnapshot listing;
    /** Set when the units came from a live offer's pool; null for a regular listing (catalog stock). */
    @Column(name = "offer_id")
    public UUID offerId;
    public int quantity;
    @Column(name = "line_total_fen")
    public long lineTotalFen;
    /** Where the units went when the order was cancelled, expired or refunded before dispatch; null otherwise. */
    @Enumerated(EnumType.STRING)
    @Column(name = "returned_to")
    public OrderEvents.StockReturn returnedTo;

    public OrderEvents.OrderLine toContract() {
        return new OrderEvents.OrderLine(listing.productId(), listing.skuId(), offerId, listing.title(),
                listing.spec(), quantity, listing.priceFen(), lineTotalFen, listing.temperatureClass(),
                listing.traceCode());
    }
}
