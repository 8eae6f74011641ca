package live.harvest.orders.order;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.orders.support.Fixtures;
import live.harvest.orders.support.PaymentCalls;
import live.harvest.platform.event.EventEnvelope;
import live.harvest.platform.event.Topics;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentDispatched;
import live.harvest.platform.event.orders.OrderEvents.OrderRefunded;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Problems;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OrderStateMachineTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aDispatchedOrderCannotBeCancelled() {
        // Given a paid order that logistics has dispatched
        Placed order = paid();
        fixtures.send(new ShipmentDispatched(UUID.randomUUID(), order.id, UUID.randomUUID(), "van-2",
                "STN-330127100", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "DISPATCHED".equals(status(order)));

        // When the buyer tries to cancel, Then 409 and the order stays DISPATCHED
        Problems.assertProblem(post(order, "cancel", Tokens.consumer(order.buyer)).then(), 409)
                .body("type", equalTo("https://harvest.live/problems/invalid-transition"));
        assertEquals("DISPATCHED", status(order));
    }

    @Test
    void aCancelledOrderCannotBeCancelledAgain() {
        Placed order = placed();
        post(order, "cancel", Tokens.consumer(order.buyer)).then().statusCode(200);
        Problems.assertProblem(post(order, "cancel", Tokens.consumer(order.buyer)).then(), 409);
    }

    @Test
    void aRefundCannotBeConfirmedBeforeItIsRequested() {
        Placed order = paid();
        Problems.assertProblem(post(order, "refund", Tokens.admin()).then(), 409)
                .body("type", equalTo("https://harvest.live/problems/invalid-transition"));
        assertEquals("PAID", status(order));
    }

    @Test
    void anUnpaidOrderCannotAskForARefund() {
        Placed order = placed();
        Problems.assertProblem(post(order, "refund-request", Tokens.consumer(order.buyer)).then(), 409);
    }

    @Test
    void aRequestedRefundIsConfirmedByAPartnerWithTheRefundScopeAndPublished() {
        // Given a paid order whose buyer asked for a refund
        Placed order = paid();
        post(order, "refund-request", Tokens.consumer(order.buyer)).then().statusCode(200)
                .body("status", equalTo("REFUND_REQUESTED"));

        // When a partner without the scope tries, Then 403
        Problems.assertProblem(post(order, "refund", Tokens.partner("orders:read")).then(), 403);

        try (KafkaProbe orders = KafkaProbe.watch(Topics.ORDERS)) {
            // When the payment partner with payments:refund confirms
            post(order, "refund", Tokens.partner("payments:refund")).then().statusCode(200)
                    .body("status", equalTo("REFUNDED"))
                    .body("timeline[-1].actor", org.hamcrest.Matchers.startsWith("partner:"));

            // Then OrderRefunded carries the amount
            EventEnvelope refunded = orders.awaitEvent("orders.order-refunded",
                    e -> e.aggregateId().equals(order.id.toString()));
            assertEquals(900, KafkaProbe.payload(refunded, OrderRefunded.class).amountFen());
        }
    }

    private record Placed(UUID id, UUID buyer) {
    }

    private Placed placed() {
        OfferOpened offer = fixtures.openOffer(5, 2, 900);
        UUID buyer = UUID.randomUUID();
        return new Placed(Fixtures.buy(buyer, offer.offerId(), 1), buyer);
    }

    private Placed paid() {
        Placed order = placed();
        PaymentCalls.pay(order.id, 900).then().statusCode(200);
        return order;
    }

    private static io.restassured.response.Response post(Placed order, String action, String token) {
        return given().auth().oauth2(token).contentType("application/json").body("{}")
                .post("/api/v1/orders/{id}/" + action, order.id);
    }

    private static String status(Placed order) {
        return given().auth().oauth2(Tokens.consumer(order.buyer)).get("/api/v1/orders/{id}", order.id)
                .then().statusCode(200).extract().path("status");
    }
}
