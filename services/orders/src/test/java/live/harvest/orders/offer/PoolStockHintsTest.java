package live.harvest.orders.offer;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.orders.support.Fixtures;
import live.harvest.orders.support.StockHintListener;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import live.harvest.platform.event.orders.PoolStockHint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static live.harvest.orders.support.Fixtures.cancel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pool's stock hints to the live feed (ADR 0028), heard by a subscriber on the real Redis channel. */
@QuarkusTest
class PoolStockHintsTest {

    @Inject
    Fixtures fixtures;

    @Inject
    StockHintListener.Channel hints;

    @Inject
    OfferPool pool;

    @Test
    void givenAnOfferWithOneUnitLeft_whenTheLastUnitIsReserved_thenAHintSaysNoUnitIsLeft() {
        // Given an offer of 3 with 2 sold
        OfferOpened offer = fixtures.openOffer(3, 3, 500);
        Fixtures.buy(UUID.randomUUID(), offer.offerId(), 2);
        try (StockHintListener feed = listen(offer)) {
            // When a buyer takes the last unit
            Fixtures.buy(UUID.randomUUID(), offer.offerId(), 1);

            // Then a hint says the open pool of this epoch has no unit left
            PoolStockHint hint = feed.awaitHint(h -> h.unitsLeft() == 0).hint();
            assertTrue(hint.open());
            assertEquals(pool.epoch(offer.offerId()).orElseThrow(), hint.epoch());
        }
    }

    @Test
    void givenASoldOutOffer_whenABuyerCancels_thenAHintWithANewerVersionShowsTheUnitBack() {
        // Given a sold-out offer, hinted as such
        OfferOpened offer = fixtures.openOffer(2, 2, 500);
        UUID buyer = UUID.randomUUID();
        UUID order;
        long soldOutVersion;
        try (StockHintListener feed = listen(offer)) {
            order = Fixtures.buy(buyer, offer.offerId(), 2);
            soldOutVersion = feed.awaitHint(h -> h.unitsLeft() == 0).hint().version();
        }
        try (StockHintListener feed = listen(offer)) {
            // When the buyer cancels
            cancel(buyer, order).then().statusCode(200);

            // Then a later hint shows both units back, with a higher version
            PoolStockHint back = feed.awaitHint(h -> h.unitsLeft() == 2).hint();
            assertTrue(back.version() > soldOutVersion, back + " after " + soldOutVersion);
        }
    }

    @Test
    void givenALiveOffer_whenItCloses_thenTheLastHintSaysItsPoolNoLongerSells() {
        // Given a live offer with 4 units left
        OfferOpened offer = fixtures.openOffer(5, 5, 500);
        Fixtures.buy(UUID.randomUUID(), offer.offerId(), 1);
        try (StockHintListener feed = listen(offer)) {
            // When the anchor closes it (orders drains the pool)
            fixtures.closeOffer(offer);

            // Then a hint says the pool is closed, and every hint heard came in increasing versions
            PoolStockHint closed = feed.awaitHint(h -> !h.open()).hint();
            assertEquals(0, closed.unitsLeft());
            List<Long> versions = feed.hints().stream().map(PoolStockHint::version).toList();
            for (int i = 1; i < versions.size(); i++) {
                assertTrue(versions.get(i) > versions.get(i - 1), "versions must increase: " + versions);
            }
        }
    }

    @Test
    void givenAPoolRebuiltFromPostgres_whenHinted_thenTheVersionStillGoesUp() {
        // Given an offer hinted once, then Redis loses its pool (and the hint counter with it)
        OfferOpened offer = fixtures.openOffer(4, 4, 500);
        long before;
        try (StockHintListener feed = listen(offer)) {
            Fixtures.buy(UUID.randomUUID(), offer.offerId(), 1);
            before = feed.awaitHint(h -> h.unitsLeft() == 3).hint().version();
        }
        fixtures.forgetPool(offer.offerId());
        try (StockHintListener feed = listen(offer)) {
            // When a buyer's order makes orders rebuild the pool and reserve from it
            Fixtures.buy(UUID.randomUUID(), offer.offerId(), 1);

            // Then the hints after the rebuild still outrank the one before
            PoolStockHint after = feed.awaitHint(h -> h.unitsLeft() == 2).hint();
            assertTrue(after.version() > before, after + " after " + before);
            assertFalse(feed.hints().stream().anyMatch(h -> h.version() <= before), feed.hints().toString());
        }
    }

    private StockHintListener listen(OfferOpened offer) {
        return hints.listen(offer.offerId());
    }
}
