package live.harvest.orders.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.state.StatusMachine;
import live.harvest.platform.value.DeliveryAddress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "customer_order")
public class Order extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "buyer_id")
    public UUID buyerId;
    @Column(name = "seller_id")
    public UUID sellerId;
    @Column(name = "seller_county_code")
    public String sellerCountyCode;
    @Column(name = "stream_id")
    public UUID streamId;
    @Enumerated(EnumType.STRING)
    public OrderStatus status;
    @Column(name = "total_fen")
    public long totalFen;
    public String currency;
    @Enumerated(EnumType.STRING)
    @Column(name = "temperature_class")
    public TemperatureClass temperatureClass;
    /** Where the parcel goes; replaced whole, never edited field by field. */
    @Embedded
    public DeliveryAddress address;
    @Column(name = "placed_at")
    public Instant placedAt;
    @Column(name = "pay_by")
    public Instant payBy;
    @Column(name = "paid_at")
    public Instant paidAt;
    @Column(name = "payment_id")
    public String paymentId;
    /** When orders first heard the parcel left its centre; a refund before it returns the units (ADR 0018). */
    @Column(name = "dispatched_at")
    public Instant dispatchedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("lineNo")
    public List<OrderLine> lines = new ArrayList<>();

    /**
     * Moves the order along the state machine and records the step; refuses anything {@link OrderStatus} does
     * not allow with 409.
     */
    public OrderTransition moveTo(OrderStatus target, String cause, String actor, Instant at) {
        StatusMachine.refuseUnless(status, target, "invalid-transition", "Order " + id);
        OrderTransition step = OrderTransition.of(this, status, target, cause, actor, at);
        status = target;
        updatedAt = Instant.now();
        step.persist();
        return step;
    }

    /** The first timeline step of a newly written order. */
    public OrderTransition noteFirst(String cause, String actor, Instant at) {
        OrderTransition step = OrderTransition.of(this, null, status, cause, actor, at);
        step.persist();
        return step;
    }

    /** Records something that happened to the order without changing its state (kept on the timeline). */
    public OrderTransition note(String cause, String actor, Instant at) {
        OrderTransition step = OrderTransition.of(this, status, status, cause, actor, at);
        step.persist();
        return step;
    }
}
