package live.harvest.catalog.stock;

import java.time.Instant;
import java.util.Optional;

/**
 * When the reconciler gives a reservation's units back, and why. Pure, so it is unit-tested on its own; the
 * reconciler's SQL selects the same rows and this rule re-checks each one under its locks.
 */
public final class ReleaseRule {

    public enum Reason {
        /** Nobody confirmed it (no orders.order-placed) before its lifetime passed: a crash or an abandoned order. */
        LIFETIME_PASSED("lifetime-passed"),
        /** Its order was cancelled or expired, but the event did not give this line back. */
        ORDER_ENDED("order-ended");

        public final String tag;

        Reason(String tag) {
            this.tag = tag;
        }
    }

    private ReleaseRule() {
    }

    public static Optional<Reason> due(StockReservation.Status status, Instant heldByOrderAt, Instant orderEndedAt,
                                       Instant expiresAt, Instant now) {
        if (status != StockReservation.Status.RESERVED) {
            return Optional.empty(); // already back on the shelf: never twice
        }
        if (orderEndedAt != null) {
            return Optional.of(Reason.ORDER_ENDED);
        }
        // A confirmed reservation belongs to a live order: only that order's cancellation or expiry returns it.
        if (heldByOrderAt == null && expiresAt != null && !expiresAt.isAfter(now)) {
            return Optional.of(Reason.LIFETIME_PASSED);
        }
        return Optional.empty();
    }
}
