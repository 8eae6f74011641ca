package live.harvest.integrations.webhook.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import live.harvest.integrations.history.EventRecorded;
import live.harvest.integrations.visibility.VisibilityGrant;
import live.harvest.integrations.visibility.VisibilityGrants;
import live.harvest.integrations.webhook.endpoint.EndpointService;
import live.harvest.integrations.webhook.endpoint.WebhookEndpoint;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The webhooks' transactional outbox: when an event enters the history, one delivery row per enabled endpoint that
 * subscribed to its type, whose partner's grant sees it and whose filter it passes, in the very transaction that
 * recorded the event. An event whose transaction rolls back leaves no delivery; a committed one is never lost.
 */
@ApplicationScoped
public class DeliveryQueue {

    private static final String CANDIDATES = """
            select * from webhook_endpoint
            where enabled and (cast(:type as text) = any(event_types) or cast(:domain as text) = any(event_types))""";

    private final EntityManager em;
    private final VisibilityGrants grants;
    private final Event<DeliveriesQueued> queued;

    public DeliveryQueue(EntityManager em, VisibilityGrants grants, Event<DeliveriesQueued> queued) {
        this.em = em;
        this.grants = grants;
        this.queued = queued;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onRecorded(@Observes EventRecorded event) {
        int dot = event.type().indexOf('.');
        String domain = dot < 0 ? event.type() : event.type().substring(0, dot) + ".*";
        @SuppressWarnings("unchecked")
        List<WebhookEndpoint> candidates = em.createNativeQuery(CANDIDATES, WebhookEndpoint.class)
                .setParameter("type", event.type()).setParameter("domain", domain).getResultList();
        Map<UUID, Optional<VisibilityGrant>> grantsByPartner = new HashMap<>();
        Instant now = EndpointService.now();
        int count = 0;
        for (WebhookEndpoint endpoint : candidates) {
            boolean sees = grantsByPartner.computeIfAbsent(endpoint.partnerId, grants::of)
                    .map(grant -> grant.sees(event.type(), event.keys())).orElse(false);
            if (sees && endpoint.subscribesTo(event.type())
                    && endpoint.filterPasses(event.keys().counties(), event.keys().sites())) {
                enqueue(endpoint, event, now);
                count++;
            }
        }
        if (count > 0) {
            queued.fire(new DeliveriesQueued(count));
        }
    }

    private static void enqueue(WebhookEndpoint endpoint, EventRecorded event, Instant now) {
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.endpointId = endpoint.id;
        delivery.eventId = event.eventId();
        delivery.eventType = event.type();
        delivery.eventPosition = event.position();
        delivery.payload = event.envelopeJson();
        delivery.status = DeliveryStatus.PENDING;
        delivery.nextAttemptAt = now;
        delivery.createdAt = now;
        delivery.updatedAt = now;
        delivery.persist();
    }
}
