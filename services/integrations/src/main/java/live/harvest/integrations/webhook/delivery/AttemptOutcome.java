package live.harvest.integrations.webhook.delivery;

import java.time.Instant;
import java.util.UUID;

/** What one attempt came to: the receiver's status (null when it never answered) or the error, and how long it took. */
record AttemptOutcome(UUID deliveryId, Instant attemptedAt, Integer httpStatus, String error, int latencyMs,
                      String responseExcerpt) {

    boolean delivered() {
        return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
    }

    /** One line for the delivery's last_error and the log. */
    String summary() {
        return httpStatus != null ? "HTTP " + httpStatus : error;
    }
}
