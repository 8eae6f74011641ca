package live.harvest.orders.catalog;

import java.util.UUID;

/**
 * Stock of regular (non-stream) listings, held by catalog. Kept behind this interface so the buy path does not
 * depend on how catalog is reached; see ADR 0004.
 */
public interface CatalogStock {

    /** Reserves units for the buyer's order; idempotent per (order, SKU) on catalog's side. */
    CatalogReservation reserve(UUID orderId, UUID buyerId, UUID skuId, int quantity);

    /** Gives back every unit reserved for the order (compensation when the order could not be written). */
    void release(UUID orderId);
}
