package live.harvest.integrations.webhook.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of the delivery log. */
public final class DeliveryDtos {

    private DeliveryDtos() {
    }

    public record DeliveryView(
            UUID id,
            @Schema(description = "The event id: the webhook-id header of every attempt") UUID eventId,
            String eventType, DeliveryStatus status,
            @Schema(description = "Attempts made so far") int attempts,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant nextAttemptAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer lastStatus,
            @JsonInclude(JsonInclude.Include.NON_NULL) String lastError,
            Instant createdAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant deliveredAt) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id, d.eventId, d.eventType, d.status, d.attempts,
                    d.status == DeliveryStatus.PENDING ? d.nextAttemptAt : null, d.lastStatus, d.lastError,
                    d.createdAt, d.deliveredAt);
        }
    }

    public record AttemptView(
            int attempt, Instant attemptedAt,
            @Schema(description = "The receiver's HTTP status; absent when it never answered")
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer httpStatus,
            @Schema(description = "Why no answer counted: connect failure, timeout, refused URL")
            @JsonInclude(JsonInclude.Include.NON_NULL) String error,
            long latencyMs,
            @Schema(description = "The first kilobyte of the receiver's answer")
            @JsonInclude(JsonInclude.Include.NON_NULL) String responseExcerpt) {

        static AttemptView of(DeliveryAttempt a) {
            return new AttemptView(a.attempt, a.attemptedAt, a.httpStatus, a.error, a.latencyMs, a.responseExcerpt);
        }
    }

    public record DeliveryDetailView(DeliveryView delivery, String payload,
                                     @Schema(description = "Newest first") List<AttemptView> attempts) {
    }

    public record DeliveryPage(List<DeliveryView> items, int page, int size, long total) {
    }
}
