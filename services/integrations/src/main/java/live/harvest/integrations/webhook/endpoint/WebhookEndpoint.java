package live.harvest.integrations.webhook.endpoint;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A partner's webhook endpoint: where to deliver which events (exact types or {@code domain.*} prefixes), with an
 * optional county and site filter inside the partner's grant. Disabled by the partner, or by us when it kept failing.
 */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false, updatable = false)
    public UUID partnerId;

    @Column(nullable = false)
    public String url;

    public String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", nullable = false)
    public String[] eventTypes;

    /** Filter: only events that concern one of these counties (or one of {@link #sites}); null = no filter. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] counties;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] sites;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    /** When the current run of failed attempts began (no success since); null while healthy. */
    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "idempotency_key", updatable = false)
    public String idempotencyKey;

    @Column(name = "request_hash", updatable = false)
    public String requestHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<WebhookEndpoint> ofPartner(UUID partnerId, UUID id) {
        return find("id = ?1 and partnerId = ?2", id, partnerId).firstResultOptional();
    }

    public static Optional<WebhookEndpoint> byIdempotencyKey(UUID partnerId, String key) {
        return find("partnerId = ?1 and idempotencyKey = ?2", partnerId, key).firstResultOptional();
    }

    /** True when this endpoint subscribed to {@code type}, exactly or by its domain ({@code orders.*}). */
    public boolean subscribesTo(String type) {
        int dot = type.indexOf('.');
        String domain = dot < 0 ? null : type.substring(0, dot) + ".*";
        return Arrays.stream(eventTypes).anyMatch(t -> t.equals(type) || t.equals(domain));
    }

    /** True when the event passes the filter: no filter, or it concerns one of its counties or one of its sites. */
    public boolean filterPasses(Set<String> eventCounties, Set<String> eventSites) {
        if (counties == null && sites == null) {
            return true;
        }
        return meets(counties, eventCounties) || meets(sites, eventSites);
    }

    private static boolean meets(String[] filter, Set<String> concerned) {
        return filter != null && concerned != null && !Collections.disjoint(List.of(filter), concerned);
    }

    /** Turns the endpoint off with the reason the partner will read; already disabled = nothing changes. */
    public void disable(String reason, Instant at) {
        if (enabled) {
            enabled = false;
            disabledReason = reason;
            disabledAt = at;
            updatedAt = at;
        }
    }

    public void enable(Instant at) {
        if (!enabled) {
            enabled = true;
            disabledReason = null;
            disabledAt = null;
            failingSince = null;
            updatedAt = at;
        }
    }

    /**
     * Records a failed attempt; true when the endpoint has now failed without a success for {@code limit} (the caller
     * disables it).
     */
    public boolean failedAt(Instant at, Duration limit) {
        if (failingSince == null) {
            failingSince = at;
        }
        return !Duration.between(failingSince, at).minus(limit).isNegative();
    }

    public void succeeded() {
        failingSince = null;
    }
}
