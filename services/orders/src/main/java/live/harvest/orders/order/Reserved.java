package live.harvest.orders.order;

import live.harvest.orders.catalog.CatalogReservation;

import java.util.UUID;

/** Units held for one line before the order is written: from a live offer's pool, or from catalog. */
record Reserved(int lineNo, UUID offerId, int quantity, CatalogReservation catalog) {

    static Reserved fromOffer(int lineNo, UUID offerId, int quantity) {
        return new Reserved(lineNo, offerId, quantity, null);
    }

    static Reserved fromCatalog(int lineNo, CatalogReservation reservation) {
        return new Reserved(lineNo, null, reservation.quantity(), reservation);
    }
}
