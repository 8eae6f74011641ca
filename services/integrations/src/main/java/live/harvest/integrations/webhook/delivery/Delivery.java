package live.harvest.integrations.webhook.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import live.harvest.platform.state.StatusMachine;

import java.time.Instant;
import java.util.UUID;

/** One event for one endpoint, delivered at least once; its {@code webhook-id} is the event id. */
@Entity
@Table(name = "webhook_delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "endpoint_id", nullable = false, updatable = false)
    public UUID endpointId;

    @Column(name = "event_id", nullable = false, updatable = false)
    public UUID eventId;

    @Column(name = "event_type", nullable = false, updatable = false)
    public String eventType;

    @Column(name = "event_position", nullable = false, updatable = false)
    public long eventPosition;

    @Column(nullable = false, updatable = false)
    public String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    @Column(nullable = false)
    public int attempts;

    /** Attempts in the current round of the schedule (a redelivery starts a new round). */
    @Column(name = "round_attempts", nullable = false)
    public int roundAttempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "leased_until")
    public Instant leasedUntil;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    void moveTo(DeliveryStatus target, Instant at) {
        StatusMachine.refuseUnless(status, target, "invalid-transition", "Delivery " + id);
        status = target;
        updatedAt = at;
    }

    /** Queues it again now, for a new round of the schedule, with the same webhook-id. */
    void redeliver(Instant at) {
        if (status != DeliveryStatus.PENDING) {
            moveTo(DeliveryStatus.PENDING, at);
        }
        roundAttempts = 0;
        nextAttemptAt = at;
        updatedAt = at;
    }
}
