package live.harvest.orders.order;

import jakarta.validation.constraints.Size;

/** An optional free-text reason for a cancellation or a refund. */
public record ReasonRequest(@Size(max = 200) String reason) {
}
