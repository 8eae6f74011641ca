package live.harvest.orders.order;

import java.util.UUID;

/**
 * The pool a reservation came from was recounted before the order could commit, so the new pool does not hold those
 * units for us: the order is rolled back and placed again against the new pool.
 */
class StalePoolException extends RuntimeException {

    StalePoolException(UUID offerId, long reservedAt, long current) {
        super("Offer " + offerId + " pool moved from epoch " + reservedAt + " to " + current, null, false, false);
    }
}
