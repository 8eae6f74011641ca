package live.harvest.orders.offer;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.orders.support.Fixtures;
import live.harvest.platform.event.EventEnvelope;
import live.harvest.platform.event.Topics;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import live.harvest.platform.event.orders.OrderEvents.OfferPoolDrained;
import live.harvest.testkit.KafkaProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Regressions of issue 11: a Redis restart killed the sale (every later buy got 422 unknown-offer, closing found no
 * pool to drain), and a crash between reserve and write leaked units and buyers' allowances for good.
 */
@QuarkusTest
class PoolRebuildTest {

    @Inject
    Fixtures fixtures;

    @Inject
    OfferPool pool;

    @Inject
    PoolRecovery recovery;

    @Test
    void givenASaleInProgress_whenRedisLosesThePool_thenTheNextBuyRebuildsItWithUnitsAndLimitsFromPostgres() {
        // Given 10 units, limit 2: buyer A took 2, buyer B took 1
        OfferOpened offer = fixtures.openOffer(10, 2, 500);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Fixtures.buy(a, offer.offerId(), 2);
        Fixtures.buy(b, offer.offerId(), 1);

        // When Redis loses the pool (restart, eviction, failover)
        fixtures.forgetPool(offer.offerId());

        // Then A is still at the limit, C can buy, and the pool counts 10 - 3 - 2 from PostgreSQL
        Fixtures.place(a, UUID.randomUUID().toString(), Fixtures.offerOrder(offer.offerId(), 1))
                .then().statusCode(409).body("type", equalTo("https://harvest.live/problems/buyer-limit-reached"));
        Fixtures.buy(UUID.randomUUID(), offer.offerId(), 2);
        Fixtures.buy(b, offer.offerId(), 1);
        assertEquals(4, fixtures.unitsLeft(offer.offerId()));
        assertTrue(pool.epoch(offer.offerId()).orElseThrow() > 1, "a rebuilt pool has a new generation");
    }

    @Test
    void givenAPoolRedisLost_whenTheOfferCloses_thenTheUnsoldUnitsAreCountedFromPostgres() {
        // Given 10 units of which 3 were bought, and a Redis that lost the pool
        OfferOpened offer = fixtures.openOffer(10, 3, 500);
        Fixtures.buy(UUID.randomUUID(), offer.offerId(), 3);
        fixtures.forgetPool(offer.offerId());
        try (KafkaProbe orders = KafkaProbe.watch(Topics.ORDERS)) {
            // When the anchor closes the offer
            fixtures.closeOffer(offer);

            // Then the 7 unsold units are reported, so catalog gets them back
            EventEnvelope drained = orders.awaitEvent("orders.offer-pool-drained",
                    e -> e.aggregateId().equals(offer.offerId().toString()));
            assertEquals(7, KafkaProbe.payload(drained, OfferPoolDrained.class).unitsLeft());
        }
    }

    @Test
    void givenAReservationWhoseHolderDied_whenItIsOverdue_thenTheReconcilerGivesUnitsAndAllowanceBack() {
        // Given a buyer who reserved the whole limit in a process that died before writing the order
        await().atMost(Duration.ofSeconds(30)).until(recovery::recountedAfterStart);
        OfferOpened offer = fixtures.openOffer(5, 2, 500);
        UUID buyer = UUID.randomUUID();
        double before = rebuilds("overdue_holds");
        OfferPool.Reservation r = pool.reserve(offer.offerId(), UUID.randomUUID(), buyer, 2,
                Instant.now().plusSeconds(2));
        assertEquals(OfferPool.Outcome.RESERVED, r.outcome());
        assertEquals(3, fixtures.unitsLeft(offer.offerId()));

        // When its hold is overdue and the reconciler runs (it also runs on its own every few seconds)
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            recovery.reconcile();
            return fixtures.unitsLeft(offer.offerId()) == 5;
        });

        // Then the units are back, the buyer may buy their 2, and the repair is counted
        Fixtures.buy(buyer, offer.offerId(), 2);
        assertTrue(rebuilds("overdue_holds") > before);
    }

    @Test
    void givenABuyerWhoseReservationDiedWithTheLastProcess_whenTheyBuyRightAfterTheRestart_thenTheAllowanceIsTheirs() {
        // Given a buyer whose 2 units (the limit) were reserved by a process killed before it wrote the order; the
        // hold would be overdue only in 10 minutes
        await().atMost(Duration.ofSeconds(30)).until(recovery::recountedAfterStart);
        OfferOpened offer = fixtures.openOffer(5, 2, 500);
        UUID buyer = UUID.randomUUID();
        assertEquals(OfferPool.Outcome.RESERVED, pool.reserve(offer.offerId(), UUID.randomUUID(), buyer, 2,
                Instant.now().plus(Duration.ofMinutes(10))).outcome());

        // When the instance restarts and the buyer presses buy at once
        recovery.startOver();

        // Then the pool was recounted from PostgreSQL before the reservation: the buyer gets their 2 units
        Fixtures.buy(buyer, offer.offerId(), 2);
        assertEquals(3, fixtures.unitsLeft(offer.offerId()));
        await().atMost(Duration.ofSeconds(20)).until(recovery::recountedAfterStart); // the others, in the background
    }

    @Test
    void givenABuyerWhoseSecondUnitIsHeldByAnInstanceThatDied_whenTheyBuyAgain_thenRetryLaterNotALimitRefusal() {
        // Given limit 2: the buyer bought 1, and a second was reserved by another instance killed before it wrote the
        // order (its hold is overdue in 2 s; this instance did not restart, so only the reconciler can recount)
        await().atMost(Duration.ofSeconds(30)).until(recovery::recountedAfterStart);
        OfferOpened offer = fixtures.openOffer(5, 2, 500);
        UUID buyer = UUID.randomUUID();
        Fixtures.buy(buyer, offer.offerId(), 1);
        assertEquals(OfferPool.Outcome.RESERVED, pool.reserve(offer.offerId(), UUID.randomUUID(), buyer, 1,
                Instant.now().plusSeconds(2)).outcome());
        String key = UUID.randomUUID().toString();

        // When the buyer presses buy while that dead hold still takes the allowance
        // Then no final refusal: the allowance depends on a reservation not yet settled, so 503 and retry
        Fixtures.place(buyer, key, Fixtures.offerOrder(offer.offerId(), 1))
                .then().statusCode(503).header("Retry-After", "1")
                .body("type", equalTo("https://harvest.live/problems/buyer-limit-pending"));

        // And once the hold is overdue and recounted away, the same key buys the unit; beyond it the refusal is final
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            recovery.reconcile();
            return fixtures.unitsLeft(offer.offerId()) == 4;
        });
        Fixtures.place(buyer, key, Fixtures.offerOrder(offer.offerId(), 1)).then().statusCode(201);
        Fixtures.place(buyer, UUID.randomUUID().toString(), Fixtures.offerOrder(offer.offerId(), 1))
                .then().statusCode(409).body("type", equalTo("https://harvest.live/problems/buyer-limit-reached"));
        assertEquals(3, fixtures.unitsLeft(offer.offerId()));
    }

    private static double rebuilds(String reason) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(l -> l.startsWith("harvest_orders_pool_rebuilds_total") && l.contains("reason=\"" + reason + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
