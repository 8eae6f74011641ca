package live.harvest.integrations.webhook.delivery;

/**
 * Deliveries became due in the current transaction; the dispatcher observes it after a successful commit and
 * leases them at once instead of waiting for its next poll.
 */
public record DeliveriesQueued(int count) {
}
