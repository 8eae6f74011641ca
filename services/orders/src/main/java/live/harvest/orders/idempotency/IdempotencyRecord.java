package live.harvest.orders.idempotency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * The durable record of the first answer to a key: an accepted order's response, written in the order's own
 * transaction, or a refusal's problem, written by {@link RefusalLog} before the refusal is answered.
 */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "buyer_id") UUID buyerId, @Column(name = "idem_key") String idemKey)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Column(name = "request_hash")
    public String requestHash;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "response_status")
    public int responseStatus;
    @Column(name = "response_body")
    public String responseBody;
    @Column(name = "problem_slug")
    public String problemSlug;
    @Column(name = "problem_title")
    public String problemTitle;
    @Column(name = "problem_detail")
    public String problemDetail;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;

    public StoredResponse toResponse() {
        return new StoredResponse(responseStatus, responseBody, problemSlug, problemTitle, problemDetail);
    }
}
