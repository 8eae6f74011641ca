package live.harvest.orders.payment;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.orders.support.Fixtures;
import live.harvest.platform.event.EventEnvelope;
import live.harvest.platform.event.Topics;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import live.harvest.platform.event.orders.OrderEvents.OrderPaid;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Problems;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static live.harvest.orders.support.PaymentCalls.PARTNER;
import static live.harvest.orders.support.PaymentCalls.SECRET;
import static live.harvest.orders.support.PaymentCalls.body;
import static live.harvest.orders.support.PaymentCalls.send;
import static live.harvest.orders.support.PaymentCalls.sendSigned;
import static live.harvest.orders.support.PaymentCalls.sign;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class PaymentCallbackTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aGoodCallbackPaysTheOrderAndPublishesOrderPaidWithWhatLogisticsNeeds() {
        // Given an unpaid order of 2 x 1,500 fen
        OfferOpened offer = fixtures.openOffer(10, 2, 1500);
        UUID buyer = UUID.randomUUID();
        UUID orderId = Fixtures.buy(buyer, offer.offerId(), 2);
        try (KafkaProbe orders = KafkaProbe.watch(Topics.ORDERS)) {
            // When the partner confirms 3,000 fen, correctly signed
            String paymentId = "pay-" + UUID.randomUUID();
            sendSigned(body(paymentId, orderId, 3000, "CNY")).then().statusCode(200)
                    .body("orderStatus", equalTo("PAID")).body("duplicate", equalTo(false));

            // Then the order is PAID and OrderPaid carries seller county, temperature, lines, address and the
            // payment partner that paid it (ADR 0021: it decides which payment provider sees the order)
            statusOf(buyer, orderId, "PAID");
            EventEnvelope paid = orders.awaitEvent("orders.order-paid", e -> e.aggregateId().equals(orderId.toString()));
            OrderPaid event = KafkaProbe.payload(paid, OrderPaid.class);
            assertEquals(paymentId, event.paymentId());
            assertEquals(3000, event.amountFen());
            assertEquals(offer.sellerCountyCode(), event.sellerCountyCode());
            assertEquals(offer.temperatureClass(), event.temperatureClass());
            assertEquals(Fixtures.VILLAGE, event.address().villageCode());
            assertEquals(offer.traceCode(), event.lines().get(0).traceCode());
            assertEquals(PARTNER, event.paymentPartnerId());
        }
    }

    @Test
    void aDuplicateCallbackIsANoOp() {
        // Given a paid order
        OfferOpened offer = fixtures.openOffer(10, 2, 1500);
        UUID orderId = Fixtures.buy(UUID.randomUUID(), offer.offerId(), 1);
        String callback = body("pay-" + UUID.randomUUID(), orderId, 1500, "CNY");
        sendSigned(callback).then().statusCode(200).body("duplicate", equalTo(false));

        // When the partner retries the same payment, Then it is acknowledged without a second effect
        sendSigned(callback).then().statusCode(200).body("duplicate", equalTo(true))
                .body("orderStatus", equalTo("PAID"));
        assertEquals(1, paymentsOf(orderId));
    }

    @Test
    void aTamperedBodyIsRefused() {
        OfferOpened offer = fixtures.openOffer(10, 2, 1500);
        UUID buyer = UUID.randomUUID();
        UUID orderId = Fixtures.buy(buyer, offer.offerId(), 1);
        long now = Instant.now().getEpochSecond();
        String signedFor = body("pay-" + UUID.randomUUID(), orderId, 1, "CNY");
        String tampered = signedFor.replace("\"amountFen\":1,", "\"amountFen\":1500,");

        Problems.assertProblem(send(tampered, now, sign(SECRET, now, signedFor)).then(), 401)
                .body("type", equalTo("https://harvest.live/problems/invalid-signature"));
        statusOf(buyer, orderId, "PENDING_PAYMENT");
    }

    @Test
    void aStaleCallbackIsRefused() {
        OfferOpened offer = fixtures.openOffer(10, 2, 1500);
        UUID buyer = UUID.randomUUID();
        UUID orderId = Fixtures.buy(buyer, offer.offerId(), 1);
        long sixMinutesAgo = Instant.now().getEpochSecond() - 360;
        String callback = body("pay-" + UUID.randomUUID(), orderId, 1500, "CNY");

        Problems.assertProblem(send(callback, sixMinutesAgo, sign(SECRET, sixMinutesAgo, callback)).then(), 401)
                .body("type", equalTo("https://harvest.live/problems/stale-callback"));
        statusOf(buyer, orderId, "PENDING_PAYMENT");
    }

    @Test
    void aCallbackSignedWithAnotherSecretIsRefused() {
        OfferOpened offer = fixtures.openOffer(10, 2, 1500);
        UUID buyer = UUID.randomUUID();
        UUID orderId = Fixtures.buy(buyer, offer.offerId(), 1);
        long now = Instant.now().getEpochSecond();
        String callback = body("pay-" + UUID.randomUUID(), orderId, 1500, "CNY");

        Problems.assertProblem(send(callback, now, sign("guessed-secret", now, callback)).then(), 401);
        statusOf(buyer, orderId, "PENDING_PAYMENT");
    }

    @Test
    void aWrongAmountOrCurrencyIsRefusedAndChangesNothing() {
        OfferOpened offer = fixtures.openOffer(10, 2, 1500);
        UUID buyer = UUID.randomUUID();
        UUID orderId = Fixtures.buy(buyer, offer.offerId(), 1);

        Problems.assertProblem(sendSigned(body("pay-" + UUID.randomUUID(), orderId, 1499, "CNY")).then(), 422)
                .body("type", equalTo("https://harvest.live/problems/amount-mismatch"));
        Problems.assertProblem(sendSigned(body("pay-" + UUID.randomUUID(), orderId, 1500, "USD")).then(), 422)
                .body("type", equalTo("https://harvest.live/problems/currency-mismatch"));
        statusOf(buyer, orderId, "PENDING_PAYMENT");
        assertEquals(0, paymentsOf(orderId));
    }

    @Test
    void givenASignedCallbackWithAnUnknownFieldOrTextForTheAmountWhenReceivedThen400NamesItAndNothingIsPaid() {
        OfferOpened offer = fixtures.openOffer(10, 2, 1500);
        UUID buyer = UUID.randomUUID();
        UUID orderId = Fixtures.buy(buyer, offer.offerId(), 1);
        String good = body("pay-" + UUID.randomUUID(), orderId, 1500, "CNY");

        Problems.assertProblem(sendSigned(good.replaceFirst("\\}$", ",\"paidBy\":\"x\"}")).then(), 400)
                .body("type", equalTo("https://harvest.live/problems/malformed-body"))
                .body("errors[0].field", equalTo("paidBy"));
        Problems.assertProblem(sendSigned(good.replace(":1500", ":\"1500\"")).then(), 400)
                .body("errors[0].field", equalTo("amountFen"));
        statusOf(buyer, orderId, "PENDING_PAYMENT");
        assertEquals(0, paymentsOf(orderId));
    }

    @Test
    void aPaymentForACancelledOrderIsRefusedWith409() {
        OfferOpened offer = fixtures.openOffer(10, 2, 1500);
        UUID buyer = UUID.randomUUID();
        UUID orderId = Fixtures.buy(buyer, offer.offerId(), 1);
        given().auth().oauth2(Tokens.consumer(buyer)).contentType("application/json").body("{}")
                .post("/api/v1/orders/{id}/cancel", orderId).then().statusCode(200);

        Problems.assertProblem(sendSigned(body("pay-" + UUID.randomUUID(), orderId, 1500, "CNY")).then(), 409)
                .body("type", equalTo("https://harvest.live/problems/invalid-transition"));
        assertEquals(0, paymentsOf(orderId));
    }

    private static void statusOf(UUID buyer, UUID orderId, String status) {
        given().auth().oauth2(Tokens.consumer(buyer)).get("/api/v1/orders/{id}", orderId).then()
                .statusCode(200).body("status", equalTo(status));
    }

    private static long paymentsOf(UUID orderId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> Payment.count("orderId", orderId));
    }
}
