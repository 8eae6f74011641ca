package live.harvest.orders.order;

import live.harvest.platform.value.ListingSnapshot;

import java.util.UUID;

/**
 * Units held for one line before the order is written: from a live offer's pool (with the pool generation they were
 * taken from, checked again when the order commits), or from catalog (with the listing as catalog priced it).
 */
record Reserved(int lineNo, UUID offerId, int quantity, long epoch, ListingSnapshot catalogListing) {

    static Reserved fromOffer(int lineNo, UUID offerId, int quantity, long epoch) {
        return new Reserved(lineNo, offerId, quantity, epoch, null);
    }

    static Reserved fromCatalog(int lineNo, int quantity, ListingSnapshot listing) {
        return new Reserved(lineNo, null, quantity, 0, listing);
    }
}
