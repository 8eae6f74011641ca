package live.harvest.integrations.webhook.endpoint;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import live.harvest.integrations.webhook.signing.WebhookSecret;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A signing secret of an endpoint: the current one (no expiry) or a rotated one still valid until {@code expiresAt}. */
@Entity
@Table(name = "webhook_secret")
public class EndpointSecret extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "endpoint_id", nullable = false, updatable = false)
    public UUID endpointId;

    @Column(nullable = false, updatable = false)
    public String secret;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    static EndpointSecret issue(UUID endpointId, WebhookSecret secret, Instant at) {
        EndpointSecret s = new EndpointSecret();
        s.id = UUID.randomUUID();
        s.endpointId = endpointId;
        s.secret = secret.text();
        s.createdAt = at;
        return s;
    }

    /** The secrets that sign deliveries at {@code at}: newest first. */
    static List<EndpointSecret> validAt(UUID endpointId, Instant at) {
        return list("endpointId = ?1 and (expiresAt is null or expiresAt > ?2) order by createdAt desc",
                endpointId, at);
    }
}
