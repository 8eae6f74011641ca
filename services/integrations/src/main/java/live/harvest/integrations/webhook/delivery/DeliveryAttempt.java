package live.harvest.integrations.webhook.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One attempt of a delivery, as the partner reads it in the delivery log. */
@Entity
@Table(name = "webhook_attempt")
@IdClass(DeliveryAttempt.Key.class)
public class DeliveryAttempt extends PanacheEntityBase {

    public static class Key implements Serializable {
        public UUID deliveryId;
        public int attempt;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.deliveryId.equals(deliveryId) && k.attempt == attempt;
        }

        @Override
        public int hashCode() {
            return deliveryId.hashCode() * 31 + attempt;
        }
    }

    @Id
    @Column(name = "delivery_id")
    public UUID deliveryId;

    @Id
    public int attempt;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    /** The receiver's HTTP status; null when no answer came (connect failure, timeout, refused URL). */
    @Column(name = "http_status")
    public Integer httpStatus;

    public String error;

    @Column(name = "latency_ms", nullable = false)
    public int latencyMs;

    /** The first kilobyte of the receiver's answer. */
    @Column(name = "response_excerpt")
    public String responseExcerpt;

    static List<DeliveryAttempt> of(UUID deliveryId) {
        return list("deliveryId = ?1 order by attempt desc", deliveryId);
    }
}
