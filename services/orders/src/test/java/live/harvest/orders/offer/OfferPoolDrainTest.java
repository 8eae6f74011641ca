package live.harvest.orders.offer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import live.harvest.orders.support.Fixtures;
import live.harvest.platform.event.EventEnvelope;
import live.harvest.platform.event.Topics;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferClosed;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import live.harvest.platform.event.orders.OrderEvents.OfferPoolDrained;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Problems;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static live.harvest.orders.support.Fixtures.offerOrder;
import static live.harvest.orders.support.Fixtures.place;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OfferPoolDrainTest {

    @Inject
    Fixtures fixtures;

    @Inject
    EntityManager em;

    @Test
    void closingAnOfferDrainsItsPoolAndReportsTheUnsoldUnitsOnceEvenIfTheCloseArrivesTwice() {
        // Given an offer of 10 with 3 sold
        OfferOpened offer = fixtures.openOffer(10, 5, 500);
        Fixtures.buy(UUID.randomUUID(), offer.offerId(), 3);
        try (KafkaProbe orders = KafkaProbe.watch(Topics.ORDERS)) {
            // When livestream's close is delivered twice, and a second close (another event id) follows
            OfferClosed close = new OfferClosed(offer.offerId(), offer.streamId(), offer.skuId(), "anchor closed it");
            String envelope = fixtures.envelope(close);
            KafkaProbe.send(Topics.LIVESTREAM, offer.offerId().toString(), envelope);
            KafkaProbe.send(Topics.LIVESTREAM, offer.offerId().toString(), envelope);
            String second = fixtures.envelope(close);
            KafkaProbe.send(Topics.LIVESTREAM, offer.offerId().toString(), second);

            // Then OfferPoolDrained says 7 units go back to catalog
            EventEnvelope drained = orders.awaitEvent("orders.offer-pool-drained",
                    e -> e.aggregateId().equals(offer.offerId().toString()));
            OfferPoolDrained event = KafkaProbe.payload(drained, OfferPoolDrained.class);
            assertEquals(7, event.unitsLeft());
            assertEquals(offer.skuId(), event.skuId());
            // and once all three deliveries were consumed (same key, same partition, in order), it exists once
            UUID secondId = KafkaProbe.envelope(second).eventId();
            await().atMost(Duration.ofSeconds(30)).until(() -> processed(secondId));
            assertEquals(1L, drainedEvents(offer.offerId()));
        }
        fixtures.awaitPoolState(offer.offerId(), "drained");
        assertEquals(0, fixtures.unitsLeft(offer.offerId()));
    }

    @Test
    void aClosedOfferRefusesBuysWith409() {
        // Given a closed offer
        OfferOpened offer = fixtures.openOffer(10, 5, 500);
        fixtures.closeOffer(offer);
        fixtures.awaitPoolState(offer.offerId(), "drained");

        // When someone still tries to buy, Then it is refused as closed
        Problems.assertProblem(place(UUID.randomUUID(), UUID.randomUUID().toString(),
                        offerOrder(offer.offerId(), 1)).then(), 409)
                .body("type", equalTo("https://harvest.live/problems/offer-closed"));
    }

    @Test
    void anOfferPastItsEndIsTreatedAsClosed() {
        // Given an offer whose time window ended, but whose close event has not arrived
        OfferOpened ended = new OfferOpened(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "330127",
                UUID.randomUUID(), UUID.randomUUID(), "Late tea", "250 g", 100, "CNY", 10, 2,
                java.time.Instant.now().minusSeconds(1), live.harvest.platform.event.common.TemperatureClass.AMBIENT,
                null);
        fixtures.send(ended);
        fixtures.awaitPoolState(ended.offerId(), "open");

        // When a buyer tries, Then it is closed
        Problems.assertProblem(place(UUID.randomUUID(), UUID.randomUUID().toString(),
                        offerOrder(ended.offerId(), 1)).then(), 409)
                .body("type", equalTo("https://harvest.live/problems/offer-closed"));
        assertEquals(10, fixtures.unitsLeft(ended.offerId()));
    }

    private boolean processed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from processed_event where event_id = ?1").setParameter(1, eventId)
                .getSingleResult()).longValue() == 1);
    }

    private long drainedEvents(UUID offerId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from outbox_message where type = 'orders.offer-pool-drained' "
                                + "and aggregate_id = ?1").setParameter(1, offerId.toString())
                .getSingleResult()).longValue());
    }
}
