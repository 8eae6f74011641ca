package live.harvest.integrations.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A registered partner: our record of an OAuth2 client in Keycloak. Its secret lives in Keycloak only; we keep
 * the client's internal id to administer it.
 */
@Entity
@Table(name = "partner")
public class Partner extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The OAuth2 client id the partner authenticates with, e.g. {@code partner-acme-pay-3f9c2a}. */
    @Column(name = "client_id", nullable = false, updatable = false)
    public String clientId;

    /** Keycloak's internal id of the client (the admin API addresses clients by it). */
    @Column(name = "keycloak_id", nullable = false, updatable = false)
    public String keycloakId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartnerKind kind;

    /** The partner API scopes granted: default client scopes of its client, so in every token's {@code scope}. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "partner_scope", joinColumns = @JoinColumn(name = "partner_id"))
    @Column(name = "scope")
    public Set<String> scopes = new TreeSet<>();

    @Column(name = "contact_email")
    public String contactEmail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartnerStatus status;

    /** The Idempotency-Key of the registration request, if it had one, and the hash of that request. */
    @Column(name = "idempotency_key", updatable = false)
    public String idempotencyKey;

    @Column(name = "request_hash", updatable = false)
    public String requestHash;

    /** When the current client secret was issued (registration or the last rotation). */
    @Column(name = "secret_issued_at", nullable = false)
    public Instant secretIssuedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The current time at the database's precision (microseconds), so what we answer is what we store. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Records the partner's new status once its client has been switched; asking for the status it already has
     * changes nothing (not even {@code updatedAt}), so a repeated disable or enable is harmless.
     */
    public void moveTo(PartnerStatus target, Instant at) {
        if (status.canMoveTo(target)) {
            status = target;
            updatedAt = at;
        }
    }

    public static Optional<Partner> byIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }
}
