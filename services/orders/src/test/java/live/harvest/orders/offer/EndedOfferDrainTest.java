package live.harvest.orders.offer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import live.harvest.orders.config.OrdersConfig;
import live.harvest.orders.support.Fixtures;
import live.harvest.orders.support.Published;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import live.harvest.platform.event.livestream.LivestreamEvents.StreamEnded;
import live.harvest.platform.event.orders.OrderEvents.OfferPoolDrained;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Issue 12, ADR 0018: an offer whose end passed (or whose stream ended) but whose close never arrived is drained by
 * the reconciler, once, so catalog gets its unsold units back.
 */
@QuarkusTest
class EndedOfferDrainTest {

    private static final String DRAINED = "orders.offer-pool-drained";

    @Inject
    Fixtures fixtures;

    @Inject
    Published published;

    @Inject
    EndedOffers ended;

    @Inject
    OrdersConfig config;

    @Inject
    EntityManager em;

    @Test
    void givenAnOfferPastItsEndLongerThanTheGrace_whenNoCloseArrives_thenTheReconcilerDrainsItOnce() {
        // Given an offer of 10 with 3 sold, whose end lies further back than the grace (PT2M), and no close event
        OfferOpened offer = fixtures.openOffer(10, 5, 500);
        Fixtures.buy(UUID.randomUUID(), offer.offerId(), 3);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update offer set ends_at = ?1 where id = ?2")
                .setParameter(1, Instant.now().minus(config.endedOfferGrace()).minusSeconds(60))
                .setParameter(2, offer.offerId()).executeUpdate());

        // When the scheduled reconciler runs (every 2 s), Then it drains the pool and reports 7 units, once
        fixtures.awaitPoolState(offer.offerId(), "drained");
        List<OfferPoolDrained> events = published.events(DRAINED, offer.offerId(), OfferPoolDrained.class);
        assertEquals(1, events.size());
        assertEquals(7, events.get(0).unitsLeft());
        assertEquals(offer.skuId(), events.get(0).skuId());
        // and a close arriving late, or another sweep, reports nothing more
        fixtures.closeOffer(offer);
        ended.drainDue(Instant.now());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                published.events(DRAINED, offer.offerId(), OfferPoolDrained.class).size() == 1);
    }

    @Test
    void givenAStreamThatJustEnded_whenItsOpenEndedOfferIsNotClosed_thenItIsDrainedOnlyAfterTheGraceAndOnce()
            throws Exception {
        // Given an offer without an end time, 2 of 6 sold, and its stream ending now without closing it
        OfferOpened offer = fixtures.openOffer(6, 5, 500, null);
        Fixtures.buy(UUID.randomUUID(), offer.offerId(), 2);
        Instant endedAt = Instant.now();
        fixtures.send(new StreamEnded(offer.streamId(), offer.sellerId(), endedAt));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                published.value("select count(*) from ended_stream where stream_id = ?1", offer.streamId())
                        .equals(1L));

        // When the reconciler sweeps within the grace, Then the offer is left to its close
        ended.drainDue(endedAt.plus(config.endedOfferGrace()).minusSeconds(1));
        assertNull(published.value("select drained_at from offer where id = ?1", offer.offerId()));

        // When two instances sweep at once after the grace
        Instant later = endedAt.plus(config.endedOfferGrace()).plusSeconds(1);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> ended.drainDue(later), instances);
            CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> ended.drainDue(later), instances);
            one.get();
            two.get();
        } finally {
            instances.shutdown();
        }

        // Then the pool is drained once, with the 4 unsold units counted from PostgreSQL
        List<OfferPoolDrained> events = published.events(DRAINED, offer.offerId(), OfferPoolDrained.class);
        assertEquals(1, events.size());
        assertEquals(4, events.get(0).unitsLeft());
        fixtures.awaitPoolState(offer.offerId(), "drained");
    }
}
