package live.harvest.orders.idempotency;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import live.harvest.orders.support.Fixtures;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import live.harvest.testkit.Problems;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static live.harvest.orders.support.Fixtures.offerOrder;
import static live.harvest.orders.support.Fixtures.place;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class IdempotencyKeyTest {

    @Inject
    Fixtures fixtures;

    @Inject
    EntityManager em;

    @Test
    void tenConcurrentRetriesOfOneKeyCreateOneOrderAndGetIdenticalResponses() throws Exception {
        // Given an offer and one purchase intent (one key, one body)
        OfferOpened offer = fixtures.openOffer(50, 5, 990);
        UUID buyer = UUID.randomUUID();
        String key = "intent-" + UUID.randomUUID();

        // When the client fires it 10 times at once (a flaky network, an impatient thumb)
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            futures.add(pool.submit(() -> place(buyer, key, offerOrder(offer.offerId(), 2))));
        }
        List<Response> responses = new ArrayList<>();
        for (Future<Response> f : futures) {
            responses.add(f.get());
        }
        pool.shutdown();

        // Then all ten got the same 201 and body, one order exists, and the pool lost 2 units only
        String first = responses.get(0).then().statusCode(201).extract().asString();
        responses.forEach(r -> {
            assertEquals(201, r.statusCode());
            assertEquals(first, r.asString());
        });
        assertEquals(1L, ordersOf(buyer));
        assertEquals(48, fixtures.unitsLeft(offer.offerId()));
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefusedWith422() {
        // Given a key already used for 1 unit
        OfferOpened offer = fixtures.openOffer(50, 5, 990);
        UUID buyer = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        place(buyer, key, offerOrder(offer.offerId(), 1)).then().statusCode(201);

        // When it is reused for 2 units
        Problems.assertProblem(place(buyer, key, offerOrder(offer.offerId(), 2)).then(), 422)
                .body("type", equalTo("https://harvest.live/problems/idempotency-key-reused"));

        // Then nothing more was reserved or ordered
        assertEquals(49, fixtures.unitsLeft(offer.offerId()));
        assertEquals(1L, ordersOf(buyer));
    }

    @Test
    void aRefusalIsReplayedToo() {
        // Given a key whose first answer was sold-out
        OfferOpened offer = fixtures.openOffer(1, 5, 990);
        UUID buyer = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Problems.assertProblem(place(buyer, key, offerOrder(offer.offerId(), 2)).then(), 409)
                .body("type", equalTo("https://harvest.live/problems/sold-out"));

        // When the same request is retried, Then it gets the same refusal
        Problems.assertProblem(place(buyer, key, offerOrder(offer.offerId(), 2)).then(), 409)
                .body("type", equalTo("https://harvest.live/problems/sold-out"));
    }

    @Test
    void keysAreScopedPerBuyer() {
        // Given two buyers who happen to pick the same key
        OfferOpened offer = fixtures.openOffer(50, 5, 990);
        String key = "same-key-" + UUID.randomUUID();

        // When both order, Then each gets their own order
        String a = place(UUID.randomUUID(), key, offerOrder(offer.offerId(), 1)).then().statusCode(201)
                .extract().path("id");
        String b = place(UUID.randomUUID(), key, offerOrder(offer.offerId(), 1)).then().statusCode(201)
                .extract().path("id");
        assertNotEquals(a, b);
    }

    @Test
    void expiredRecordsAreSweptAndLiveOnesKept() {
        // Given an accepted order (its idempotency record lives 25 h)
        OfferOpened offer = fixtures.openOffer(5, 5, 990);
        UUID buyer = UUID.randomUUID();
        Fixtures.buy(buyer, offer.offerId(), 1);

        // When the cleanup job runs now, Then the record stays; run as if 26 h later, it goes
        sweep(java.time.Instant.now());
        assertEquals(1L, recordsOf(buyer));
        sweep(java.time.Instant.now().plus(java.time.Duration.ofHours(26)));
        assertEquals(0L, recordsOf(buyer));
    }

    @Inject
    IdempotencyRecords records;

    private void sweep(java.time.Instant now) {
        records.sweepExpired(now);
    }

    private long ordersOf(UUID buyer) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from customer_order where buyer_id = ?1").setParameter(1, buyer)
                .getSingleResult()).longValue());
    }

    private long recordsOf(UUID buyer) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from idempotency_record where buyer_id = ?1").setParameter(1, buyer)
                .getSingleResult()).longValue());
    }
}
