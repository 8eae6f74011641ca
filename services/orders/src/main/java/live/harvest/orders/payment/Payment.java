package live.harvest.orders.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {

    @Id
    @Column(name = "payment_id")
    public String paymentId;
    @Column(name = "partner_id")
    public String partnerId;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "amount_fen")
    public long amountFen;
    public String currency;
    @Column(name = "received_at")
    public Instant receivedAt;
}
