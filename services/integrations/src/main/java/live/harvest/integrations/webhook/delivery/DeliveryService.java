package live.harvest.integrations.webhook.delivery;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import live.harvest.integrations.config.IntegrationsConfig;
import live.harvest.integrations.webhook.delivery.DeliveryDtos.AttemptView;
import live.harvest.integrations.webhook.delivery.DeliveryDtos.DeliveryDetailView;
import live.harvest.integrations.webhook.delivery.DeliveryDtos.DeliveryPage;
import live.harvest.integrations.webhook.delivery.DeliveryDtos.DeliveryView;
import live.harvest.integrations.webhook.endpoint.EndpointService;
import live.harvest.integrations.webhook.endpoint.WebhookEndpoint;
import live.harvest.platform.problem.DomainException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The delivery log (read by the owning partner), redelivery, and the recording of each attempt's outcome. */
@ApplicationScoped
public class DeliveryService {

    private static final int ERROR_MAX = 500;

    private final EntityManager em;
    private final EndpointService endpoints;
    private final IntegrationsConfig config;
    private final RetrySchedule schedule;
    private final Event<DeliveriesQueued> queued;

    public DeliveryService(EntityManager em, EndpointService endpoints, IntegrationsConfig config,
                           Event<DeliveriesQueued> queued) {
        this.em = em;
        this.endpoints = endpoints;
        this.config = config;
        this.schedule = new RetrySchedule(config.webhooks().schedule(), config.webhooks().jitter());
        this.queued = queued;
    }

    @Transactional
    public DeliveryPage list(UUID partnerId, UUID endpointId, DeliveryStatus status, int page, int size) {
        endpoints.require(partnerId, endpointId);
        Sort newestFirst = Sort.descending("createdAt", "id");
        var query = status == null
                ? Delivery.<Delivery>find("endpointId", newestFirst, endpointId)
                : Delivery.<Delivery>find("endpointId = ?1 and status = ?2", newestFirst, endpointId, status);
        query.page(page, size);
        return new DeliveryPage(query.list().stream().map(DeliveryView::of).toList(), page, size, query.count());
    }

    @Transactional
    public DeliveryDetailView get(UUID partnerId, UUID endpointId, UUID deliveryId) {
        Delivery delivery = require(partnerId, endpointId, deliveryId);
        return new DeliveryDetailView(DeliveryView.of(delivery), delivery.payload,
                DeliveryAttempt.of(deliveryId).stream().map(AttemptView::of).toList());
    }

    /** Queues the delivery again now (same webhook-id, a new round of the schedule); the dispatcher wakes on commit. */
    @Transactional
    public DeliveryView redeliver(UUID partnerId, UUID endpointId, UUID deliveryId) {
        WebhookEndpoint endpoint = endpoints.require(partnerId, endpointId);
        if (!endpoint.enabled) {
            throw DomainException.conflict("endpoint-disabled",
                    "Webhook endpoint " + endpointId + " is disabled; enable it first (PATCH enabled=true)");
        }
        Delivery delivery = require(partnerId, endpointId, deliveryId);
        em.lock(delivery, LockModeType.PESSIMISTIC_WRITE);
        delivery.redeliver(EndpointService.now());
        queued.fire(new DeliveriesQueued(1));
        return DeliveryView.of(delivery);
    }

    /**
     * Records an attempt in the log and moves the delivery on: delivered on a 2xx; otherwise scheduled again, or
     * failed after the schedule's last attempt. The endpoint is disabled after a delivery's last attempt failed or
     * when it has failed without a success for {@code disable-after}.
     */
    /** Records several outcomes in one transaction (see {@link #record}). */
    @Transactional
    void recordAll(List<AttemptOutcome> outcomes) {
        outcomes.forEach(this::record);
    }

    private void record(AttemptOutcome outcome) {
        Delivery delivery = em.find(Delivery.class, outcome.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null) {
            return; // its endpoint was deleted meanwhile
        }
        Instant now = outcome.attemptedAt();
        delivery.attempts++;
        delivery.roundAttempts++;
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.deliveryId = delivery.id;
        attempt.attempt = delivery.attempts;
        attempt.attemptedAt = now;
        attempt.httpStatus = outcome.httpStatus();
        attempt.error = clip(outcome.error());
        attempt.latencyMs = outcome.latencyMs();
        attempt.responseExcerpt = outcome.responseExcerpt();
        attempt.persist();
        delivery.leasedUntil = null;
        delivery.lastStatus = outcome.httpStatus();
        delivery.lastError = outcome.delivered() ? null : clip(outcome.summary());
        delivery.updatedAt = EndpointService.now();
        WebhookEndpoint endpoint = WebhookEndpoint.findById(delivery.endpointId);
        if (outcome.delivered()) {
            if (delivery.status == DeliveryStatus.PENDING) {
                delivery.moveTo(DeliveryStatus.DELIVERED, delivery.updatedAt);
            }
            delivery.deliveredAt = now;
            delivery.nextAttemptAt = null;
            endpoint.succeeded();
            return;
        }
        boolean failingTooLong = endpoint.failedAt(now, config.webhooks().disableAfter());
        Optional<Instant> next = schedule.nextAttempt(delivery.roundAttempts, Instant.now(),
                ThreadLocalRandom.current()::nextDouble);
        if (next.isPresent()) {
            delivery.nextAttemptAt = next.get();
        } else if (delivery.status == DeliveryStatus.PENDING) {
            delivery.moveTo(DeliveryStatus.FAILED, delivery.updatedAt);
            delivery.nextAttemptAt = null;
            endpoints.disableForFailures(endpoint, clip("Delivery " + delivery.id + " of event " + delivery.eventId
                    + " failed all " + delivery.roundAttempts + " scheduled attempts (last: " + outcome.summary()
                    + "); fix the receiver, PATCH enabled=true, then redeliver or replay GET /api/v1/events"), now);
        }
        if (failingTooLong) {
            endpoints.disableForFailures(endpoint, clip("Deliveries have failed without a success since "
                    + endpoint.failingSince + " (longer than " + config.webhooks().disableAfter()
                    + "); fix the receiver, then PATCH enabled=true"), now);
        }
    }

    private Delivery require(UUID partnerId, UUID endpointId, UUID deliveryId) {
        endpoints.require(partnerId, endpointId);
        return Delivery.<Delivery>find("id = ?1 and endpointId = ?2", deliveryId, endpointId).firstResultOptional()
                .orElseThrow(() -> DomainException.notFound("Delivery", deliveryId));
    }

    private static String clip(String text) {
        return text == null || text.length() <= ERROR_MAX ? text : text.substring(0, ERROR_MAX);
    }
}
