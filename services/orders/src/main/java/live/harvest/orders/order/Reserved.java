package live.harvest.orders.order;

import live.harvest.orders.catalog.CatalogReservation;

import java.util.UUID;

/**
 * Units held for one line before the order is written: from a live offer's pool (with the pool generation they were
 * taken from, checked again when the order commits), or from catalog.
 */
record Reserved(int lineNo, UUID offerId, int quantity, long epoch, CatalogReservation catalog) {

    static Reserved fromOffer(int lineNo, UUID offerId, int quantity, long epoch) {
        return new Reserved(lineNo, offerId, quantity, epoch, null);
    }

    static Reserved fromCatalog(int lineNo, CatalogReservation reservation) {
        return new Reserved(lineNo, null, reservation.quantity(), 0, reservation);
    }
}
