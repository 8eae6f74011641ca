package live.harvest.orders.order;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import live.harvest.orders.idempotency.IdempotencyRecord;
import live.harvest.orders.idempotency.StoredResponse;
import live.harvest.orders.offer.OfferPool;
import live.harvest.orders.offer.PoolRebuild;
import live.harvest.orders.offer.PoolRecovery;
import live.harvest.orders.support.Fixtures;
import live.harvest.platform.event.EventEnvelope;
import live.harvest.platform.event.Topics;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.value.DeliveryAddress;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Group commit of accepted orders (ADR 0029) keeps every guarantee of a transaction per order (ADR 0011): an order
 * that fails its fence fails alone, and when a batch's commit breaks, every order of it is resolved by its durable
 * record, none left half given back.
 */
@QuarkusTest
class GroupCommitTest {

    private static final DeliveryAddress ADDRESS = new DeliveryAddress("Wang Fang", "13800138000", Fixtures.COUNTY,
            Fixtures.TOWNSHIP, Fixtures.VILLAGE, "No. 8");

    @Inject
    Fixtures fixtures;

    @Inject
    OfferPool pool;

    @Inject
    PoolRecovery recovery;

    @Inject
    OrderWriter writer;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry metrics;

    @Test
    void givenABatchWithAStaleAndAClosedOrder_whenItCommits_thenOnlyThoseTwoFailAndTheOthersAreWritten() {
        // Given one order reserved from a pool since rebuilt (its units are not counted by the new pool),
        await().atMost(Duration.ofSeconds(30)).until(recovery::recountedAfterStart);
        OfferOpened live = fixtures.openOffer(10, 5, 800);
        PendingOrder stale = reserved(live.offerId());
        fixtures.forgetPool(live.offerId());
        assertEquals(PoolRebuild.Result.REBUILT, recovery.recover(live.offerId()));
        // two orders reserved from the new pool,
        PendingOrder first = reserved(live.offerId());
        PendingOrder second = reserved(live.offerId());
        // and one reserved from an offer drained since
        OfferOpened closing = fixtures.openOffer(10, 5, 800);
        PendingOrder closed = reserved(closing.offerId());
        fixtures.closeOffer(closing);
        fixtures.awaitPoolState(closing.offerId(), "drained");

        // When the four are written as one batch
        writer.commit(List.of(stale, first, closed, second));

        // Then the stale one fails as stale (its buyer's order is placed again) and the closed one as closed,
        assertInstanceOf(StalePoolException.class, failureOf(stale));
        assertEquals(409, assertInstanceOf(DomainException.class, failureOf(closed)).status());
        assertTrue(assertInstanceOf(DomainException.class, failureOf(closed)).toProblem().type().toString()
                .endsWith("/offer-closed"));
        // and nothing of theirs was written,
        for (PendingOrder failed : List.of(stale, closed)) {
            assertEquals(0, rowsOf(failed));
        }
        // while the other two committed with their response, lines, timeline step, event and idempotency record
        for (PendingOrder ok : List.of(first, second)) {
            StoredResponse response = ok.outcome().join();
            assertEquals(201, response.status());
            assertTrue(response.body().contains(ok.orderId().toString()));
            assertEquals(5, rowsOf(ok));
            pool.settle(live.offerId(), ok.orderId());
        }
        pool.abandon(live.offerId(), stale.orderId());
        pool.abandon(closing.offerId(), closed.orderId());
    }

    @Test
    void givenABatchWhoseCommitBreaksTheConnection_whenItsBuyersAreAnswered_thenNoneIsInAndEveryUnitIsBack()
            throws Exception {
        // Given an offer whose orders kill their own database connection while committing (a deferred trigger)
        await().atMost(Duration.ofSeconds(30)).until(recovery::recountedAfterStart);
        int buyers = 6;
        OfferOpened offer = fixtures.openOffer(buyers, 1, 800);
        String trigger = "kill_at_commit_" + offer.offerId().toString().replace("-", "");
        sql("CREATE FUNCTION " + trigger + "() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN"
                + " PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NULL; END'");
        sql("CREATE CONSTRAINT TRIGGER " + trigger + " AFTER INSERT ON order_line DEFERRABLE INITIALLY DEFERRED"
                + " FOR EACH ROW WHEN (NEW.offer_id = '" + offer.offerId() + "') EXECUTE FUNCTION " + trigger + "()");
        ExecutorService http = Executors.newFixedThreadPool(buyers);
        List<UUID> ids = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<Future<Response>> answers = new ArrayList<>();
        try {
            // and the offer row held FOR UPDATE (as a recount would), so the writers wait and the orders queue up
            CountDownLatch locked = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> recount = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew()
                    .run(() -> {
                        em.createNativeQuery("SELECT id FROM offer WHERE id = ?1 FOR UPDATE")
                                .setParameter(1, offer.offerId()).getResultList();
                        locked.countDown();
                        awaitQuietly(release);
                    }));
            assertTrue(locked.await(10, TimeUnit.SECONDS));
            DistributionSummary batches = metrics.find("harvest.orders.order.batch.size").summary();
            long batchesBefore = batches.count();
            double ordersBefore = batches.totalAmount();

            // When six buyers order at once: the writers' first batches wait on the row, the rest queue behind
            for (int i = 0; i < buyers; i++) {
                UUID buyer = UUID.randomUUID();
                String key = UUID.randomUUID().toString();
                ids.add(buyer);
                keys.add(key);
                answers.add(http.submit(() -> Fixtures.place(buyer, key, Fixtures.offerOrder(offer.offerId(), 1))));
            }
            // (every order is either taken into a batch, which waits on the row, or queued)
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> batches.totalAmount() - ordersBefore + queued() == buyers);
            release.countDown();
            recount.get(10, TimeUnit.SECONDS);

            // Then every buyer gets a retryable failure (the outcome was unknown until the durable record said no),
            for (Future<Response> answer : answers) {
                int status = answer.get(60, TimeUnit.SECONDS).statusCode();
                assertTrue(status == 500 || status == 503, "got " + status);
            }
            // the six went in fewer batches than orders (the queued ones together),
            assertEquals(buyers, batches.totalAmount() - ordersBefore);
            assertTrue(batches.count() - batchesBefore < buyers, (batches.count() - batchesBefore) + " batches");
            // no order is in and every unit is back on sale
            for (int i = 0; i < buyers; i++) {
                UUID buyer = ids.get(i);
                assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Order.count("buyerId", buyer)));
            }
            assertEquals(buyers, fixtures.unitsLeft(offer.offerId()));
        } finally {
            sql("DROP TRIGGER " + trigger + " ON order_line");
            sql("DROP FUNCTION " + trigger + "()");
            http.shutdown();
        }

        // and once commits work again, each buyer's retry with the same key gets the units
        for (int i = 0; i < buyers; i++) {
            Fixtures.place(ids.get(i), keys.get(i), Fixtures.offerOrder(offer.offerId(), 1)).then().statusCode(201);
        }
        assertEquals(0, fixtures.unitsLeft(offer.offerId()));
    }

    @Test
    void givenARequestInATrace_whenAWriterThreadCommitsItsOrder_thenTheOrderPlacedEventCarriesThatTrace() {
        // Given a buyer's request that arrives within a trace (an unsampled one: we export no spans)
        OfferOpened offer = fixtures.openOffer(5, 1, 800);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        try (KafkaProbe orders = KafkaProbe.watch(Topics.ORDERS)) {
            // When its order is placed
            String id = given().auth().oauth2(Tokens.consumer(UUID.randomUUID()))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-00")
                    .contentType("application/json").body(Fixtures.offerOrder(offer.offerId(), 1))
                    .post("/api/v1/orders").then().statusCode(201).extract().path("id");

            // Then its event, published from the writer's batch, names the request's trace
            EventEnvelope placed = orders.awaitEvent("orders.order-placed", e -> e.aggregateId().equals(id));
            assertEquals(traceId, placed.traceId());
        }
    }

    private PendingOrder reserved(UUID offerId) {
        UUID buyer = UUID.randomUUID();
        UUID orderId = UUID.randomUUID();
        OfferPool.Reservation r = pool.reserve(offerId, orderId, buyer, 1, Instant.now().plusSeconds(30));
        assertEquals(OfferPool.Outcome.RESERVED, r.outcome());
        return new PendingOrder(orderId, buyer, "k-" + orderId, "h", ADDRESS,
                List.of(Reserved.fromOffer(1, offerId, 1, r.epoch())), Context.root(), new CompletableFuture<>());
    }

    private static Throwable failureOf(PendingOrder order) {
        assertTrue(order.outcome().isCompletedExceptionally());
        return order.outcome().handle((ok, failure) -> failure).join();
    }

    /** The order's rows: order, lines, timeline steps, outbox events and idempotency records. */
    private long rowsOf(PendingOrder p) {
        return QuarkusTransaction.requiringNew().call(() -> Order.count("id", p.orderId())
                + OrderLine.count("order.id", p.orderId())
                + OrderTransition.count("orderId", p.orderId())
                + ((Number) em.createNativeQuery("SELECT count(*) FROM outbox_message WHERE aggregate_id = ?1")
                .setParameter(1, p.orderId().toString()).getSingleResult()).longValue()
                + IdempotencyRecord.count("key.buyerId = ?1 and key.idemKey = ?2", p.buyerId(), p.key()));
    }

    private int queued() {
        return (int) metrics.find("harvest.orders.order.queue").gauge().value();
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
