package live.harvest.catalog.ledger;

/** Why a SKU's on-hand stock changed. */
public enum MovementKind {
    /** Seller added stock (positive). */
    RESTOCK,
    /** Units handed to a live-stream offer's pool (negative). */
    ALLOCATION,
    /** Unsold units back from a drained offer pool (positive). */
    RELEASE,
    /** Units reserved by a regular-listing order (negative). */
    SALE,
    /** Units back from a cancelled, expired or withdrawn order (positive). */
    CANCELLATION_RETURN,
    /** Manual correction with a reason (either sign). */
    ADJUSTMENT
}
