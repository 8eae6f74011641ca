package live.harvest.orders.order;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.orders.offer.OfferPool;
import live.harvest.orders.offer.PoolRecovery;
import live.harvest.orders.offer.PoolRebuild;
import live.harvest.orders.support.Fixtures;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import live.harvest.platform.value.DeliveryAddress;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fence that makes a rebuild exact: an order whose units were reserved from a pool that has since been recounted
 * (and so does not count them) must not commit, or the same unit would be sold twice.
 */
@QuarkusTest
class StalePoolTest {

    @Inject
    Fixtures fixtures;

    @Inject
    OfferPool pool;

    @Inject
    PoolRecovery recovery;

    @Inject
    OrderWriter writer;

    @Test
    void givenAReservationFromAPoolSinceRebuilt_whenItsOrderCommits_thenItIsRefusedAndNothingIsWritten() {
        // Given 1 unit reserved from the pool's first generation
        await().atMost(Duration.ofSeconds(30)).until(recovery::recountedAfterStart);
        OfferOpened offer = fixtures.openOffer(1, 1, 800);
        UUID buyer = UUID.randomUUID();
        UUID orderId = UUID.randomUUID();
        OfferPool.Reservation r = pool.reserve(offer.offerId(), orderId, buyer, 1, Instant.now().plusSeconds(30));
        assertEquals(OfferPool.Outcome.RESERVED, r.outcome());

        // When Redis loses the pool and it is rebuilt from PostgreSQL (which knows no order: the unit is for sale)
        fixtures.forgetPool(offer.offerId());
        assertEquals(PoolRebuild.Result.REBUILT, recovery.recover(offer.offerId()));
        assertEquals(1, fixtures.unitsLeft(offer.offerId()));

        // Then the order of the old reservation is refused as stale, and no order was written
        Reserved stale = Reserved.fromOffer(1, offer.offerId(), 1, r.epoch());
        assertThrows(StalePoolException.class, () -> writer.write(orderId, buyer, "k-" + orderId, "h",
                new DeliveryAddress("Wang Fang", "13800138000", Fixtures.COUNTY, Fixtures.TOWNSHIP,
                        Fixtures.VILLAGE, "No. 8"), List.of(stale)));
        assertTrue(Order.findByIdOptional(orderId).isEmpty());
        // and a buyer placing normally gets the unit from the new pool
        Fixtures.buy(UUID.randomUUID(), offer.offerId(), 1);
        assertEquals(0, fixtures.unitsLeft(offer.offerId()));
    }
}
