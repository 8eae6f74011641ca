package live.harvest.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import live.harvest.platform.consumer.ConsumerLag;
import live.harvest.platform.outbox.OutboxLag;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports event delivery in the readiness body but never fails it: a service whose broker is away still takes
 * orders (the outbox keeps the events), so taking it out of the load balancer would turn a delay into an outage.
 * {@code status} reads {@code degraded} when the outbox or a consumer is behind, for dashboards and alerts.
 */
@Readiness
@ApplicationScoped
public class EventDeliveryHealth implements HealthCheck {

    private final OutboxLag outbox;
    private final ConsumerLag consumers;
    private final DeliveryThresholds thresholds;

    public EventDeliveryHealth(OutboxLag outbox, ConsumerLag consumers, DeliveryThresholds thresholds) {
        this.outbox = outbox;
        this.consumers = consumers;
        this.thresholds = thresholds;
    }

    @Override
    public HealthCheckResponse call() {
        boolean degraded = outbox.oldestUnsentAge().compareTo(thresholds.outboxAge()) > 0;
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event-delivery").up()
                .withData("outboxUnsent", outbox.unsent())
                .withData("outboxOldestUnsentSeconds", outbox.oldestUnsentAge().toSeconds());
        for (var lag : consumers.byChannel().entrySet()) {
            response.withData("consumerLag." + lag.getKey(), lag.getValue());
            degraded |= lag.getValue() > thresholds.consumerLag();
        }
        return response.withData("status", degraded ? "degraded" : "ok").build();
    }
}
