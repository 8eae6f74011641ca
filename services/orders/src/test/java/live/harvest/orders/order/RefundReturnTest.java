package live.harvest.orders.order;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import live.harvest.orders.support.Fixtures;
import live.harvest.orders.support.PaymentCalls;
import live.harvest.orders.support.Published;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentDispatched;
import live.harvest.platform.event.orders.OrderEvents.OrderCancelled;
import live.harvest.platform.event.orders.OrderEvents.OrderRefunded;
import live.harvest.platform.event.orders.OrderEvents.ReturnedLine;
import live.harvest.platform.event.orders.OrderEvents.StockReturn;
import live.harvest.testkit.Problems;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 12, ADR 0018: a refund before dispatch returns the stock exactly once, like a cancellation. */
@QuarkusTest
class RefundReturnTest {

    private static final String RETURNED_TO = "select string_agg(coalesce(returned_to, '-'), ',') from order_line"
            + " where order_id = ?1";

    @Inject
    Fixtures fixtures;

    @Inject
    Published published;

    @Test
    void givenAPaidOrderNotDispatched_whenItsRefundIsConfirmed_thenItsUnitsGoBackToTheOpenPoolOnce() {
        // Given a buyer who took and paid 2 of 5 units, and asked for their money back
        Paid paid = paidOrder(2);
        post(paid.orderId(), "refund-request", Tokens.consumer(paid.buyer())).then().statusCode(200);
        assertEquals(3, fixtures.unitsLeft(paid.offer().offerId()));

        // When the payment partner confirms the refund
        post(paid.orderId(), "refund", Tokens.partner("payments:refund")).then().statusCode(200)
                .body("status", equalTo("REFUNDED"));

        // Then the units are back in the pool, the buyer's allowance too, and the line says where they went
        assertEquals(5, fixtures.unitsLeft(paid.offer().offerId()));
        assertEquals("OFFER", published.value(RETURNED_TO, paid.orderId()));
        // and OrderRefunded lists them, once
        List<OrderRefunded> events = refunds(paid);
        assertEquals(1, events.size());
        assertEquals(List.of(new ReturnedLine(paid.offer().skuId(), paid.offer().offerId(), 2, StockReturn.OFFER)),
                events.get(0).returned());
        Fixtures.buy(paid.buyer(), paid.offer().offerId(), 2);
        // When the refund is confirmed again, Then 409 and nothing comes back a second time
        Problems.assertProblem(post(paid.orderId(), "refund", Tokens.admin()).then(), 409)
                .body("type", equalTo("https://harvest.live/problems/invalid-transition"));
        assertEquals(3, fixtures.unitsLeft(paid.offer().offerId()));
        assertEquals(1, refunds(paid).size());
    }

    @Test
    void givenARequestedRefund_whenAnAdminAndThePartnerConfirmAtOnce_thenOneWinsAndTheUnitsReturnOnce() {
        // Given a paid order of 2 of 5 units whose refund was requested
        Paid paid = paidOrder(2);
        post(paid.orderId(), "refund-request", Tokens.consumer(paid.buyer())).then().statusCode(200);

        // When an admin and the payment partner confirm it at the same moment
        List<Integer> statuses = race(() -> post(paid.orderId(), "refund", Tokens.admin()).statusCode(),
                () -> post(paid.orderId(), "refund", Tokens.partner("payments:refund")).statusCode());

        // Then one is answered 200 and the other 409, and the 2 units came back once: 5 left, not 7
        assertEquals(List.of(200, 409), statuses.stream().sorted().toList());
        assertEquals(5, fixtures.unitsLeft(paid.offer().offerId()));
        assertEquals(1, refunds(paid).size());
    }

    @Test
    void givenAPaidOrder_whenTheBuyerCancelsAndAsksForARefundAtOnce_thenItsUnitsReturnOnceWhicheverWins() {
        // Given a paid order of 2 of 5 units
        Paid paid = paidOrder(2);

        // When a cancel and a refund request race, and whichever refund request won is confirmed
        String buyer = Tokens.consumer(paid.buyer());
        List<Integer> statuses = race(() -> post(paid.orderId(), "cancel", buyer).statusCode(),
                () -> post(paid.orderId(), "refund-request", buyer).statusCode());
        assertEquals(List.of(200, 409), statuses.stream().sorted().toList());
        post(paid.orderId(), "refund", Tokens.admin()); // 409 if the cancel won

        // Then the order ended once (cancelled or refunded) and the units came back once
        List<OrderCancelled> cancels = published.events("orders.order-cancelled", paid.orderId(),
                OrderCancelled.class);
        assertEquals(1, cancels.size() + refunds(paid).size());
        assertEquals(5, fixtures.unitsLeft(paid.offer().offerId()));
        assertEquals("OFFER", published.value(RETURNED_TO, paid.orderId()));
    }

    @Test
    void givenARefundRequested_whenLogisticsReportsTheParcelDispatched_thenTheConfirmedRefundReturnsNoUnits() {
        // Given a paid order of 2 whose refund was requested, and then logistics dispatched its parcel anyway
        Paid paid = paidOrder(2);
        post(paid.orderId(), "refund-request", Tokens.consumer(paid.buyer())).then().statusCode(200);
        fixtures.send(new ShipmentDispatched(UUID.randomUUID(), paid.orderId(), UUID.randomUUID(), "van-3",
                "STN-330127100", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                published.value("select dispatched_at from customer_order where id = ?1", paid.orderId()) != null);

        // When the refund is confirmed
        post(paid.orderId(), "refund", Tokens.admin()).then().statusCode(200).body("status", equalTo("REFUNDED"));

        // Then the goods are on the road: no unit goes back on sale, the event returns none
        assertEquals(3, fixtures.unitsLeft(paid.offer().offerId()));
        assertEquals("-", published.value(RETURNED_TO, paid.orderId()));
        assertEquals(List.of(),
                refunds(paid).get(0).returned());
    }

    @Test
    void givenAnOfferClosedSinceThePurchase_whenARefundBeforeDispatchIsConfirmed_thenTheUnitsGoToCatalog() {
        // Given a paid order of 1 unit whose offer has been closed and drained
        Paid paid = paidOrder(1);
        fixtures.closeOffer(paid.offer());
        fixtures.awaitPoolState(paid.offer().offerId(), "drained");
        post(paid.orderId(), "refund-request", Tokens.consumer(paid.buyer())).then().statusCode(200);

        // When the refund is confirmed
        post(paid.orderId(), "refund", Tokens.admin()).then().statusCode(200);

        // Then the drained pool stays empty and the event hands the unit to catalog
        assertEquals(0, fixtures.unitsLeft(paid.offer().offerId()));
        assertEquals("CATALOG", published.value(RETURNED_TO, paid.orderId()));
        assertEquals(List.of(new ReturnedLine(paid.offer().skuId(), paid.offer().offerId(), 1, StockReturn.CATALOG)),
                refunds(paid).get(0).returned());
    }

    private record Paid(OfferOpened offer, UUID buyer, UUID orderId) {
    }

    private List<OrderRefunded> refunds(Paid paid) {
        return published.events("orders.order-refunded", paid.orderId(), OrderRefunded.class);
    }

    /** A fresh offer of 5 units (2 per buyer) and a paid order for {@code units} of them. */
    private Paid paidOrder(int units) {
        OfferOpened offer = fixtures.openOffer(5, 2, 700);
        UUID buyer = UUID.randomUUID();
        UUID orderId = Fixtures.buy(buyer, offer.offerId(), units);
        PaymentCalls.pay(orderId, units * offer.priceFen()).then().statusCode(200);
        return new Paid(offer, buyer, orderId);
    }

    private static Response post(UUID orderId, String action, String token) {
        return given().auth().oauth2(token).contentType("application/json").body("{}")
                .post("/api/v1/orders/{id}/" + action, orderId);
    }

    /** Runs the calls on threads of their own, released together; returns their answers in call order. */
    @SafeVarargs
    private static List<Integer> race(Supplier<Integer>... calls) {
        ExecutorService threads = Executors.newFixedThreadPool(calls.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> running = Arrays.stream(calls).map(call -> threads.submit(() -> {
                start.await();
                return call.get();
            })).toList();
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> answer : running) {
                results.add(answer.get(30, TimeUnit.SECONDS));
            }
            assertTrue(results.stream().allMatch(s -> s == 200 || s == 409), "unexpected answers " + results);
            return results;
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            threads.shutdownNow();
        }
    }
}
