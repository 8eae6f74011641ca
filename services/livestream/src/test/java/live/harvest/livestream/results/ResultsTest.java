package live.harvest.livestream.results;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.livestream.support.Given;
import live.harvest.livestream.support.OrderFeed;
import live.harvest.platform.event.EventCodec;
import live.harvest.platform.event.orders.OrderEvents.OrderCancelled;
import live.harvest.platform.event.orders.OrderEvents.OrderPlaced;
import live.harvest.platform.event.orders.OrderEvents.OrderRefunded;
import live.harvest.platform.event.orders.OrderEvents.ReturnedLine;
import live.harvest.platform.event.orders.OrderEvents.StockReturn;
import live.harvest.testkit.Problems;
import live.harvest.testkit.Tokens;
import live.harvest.testkit.catalog.CatalogDouble;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@WithTestResource(CatalogDouble.class)
class ResultsTest {

    @Inject
    EventCodec codec;

    @Test
    void resultsCountADuplicatedOrderOnceAndNetOutACancellation() {
        // Given a live stream with an offer of 100 units at 99.00
        UUID seller = Given.verifiedSeller();
        UUID stream = Given.liveStream(seller);
        UUID offer = Given.offer(seller, stream, 100);
        try (OrderFeed orders = new OrderFeed(codec)) {
            // When order A (2 units) arrives twice with the same event id
            OrderPlaced a = OrderFeed.placed(UUID.randomUUID(), seller, stream, offer, 2, 9_900);
            String onceEnveloped = orders.envelope(a);
            orders.send(a.aggregateId(), onceEnveloped);
            orders.send(a.aggregateId(), onceEnveloped);
            // and order B (3 units) is placed and then cancelled, its units returned to the offer
            OrderPlaced b = OrderFeed.placed(UUID.randomUUID(), seller, stream, offer, 3, 9_900);
            orders.send(b);
            orders.send(new OrderCancelled(b.orderId(), b.buyerId(), seller, stream, b.totalFen(), false,
                    "buyer changed mind", List.of(new ReturnedLine(b.lines().get(0).skuId(), offer, 3,
                    StockReturn.OFFER))));
            orders.flush();
        }

        // Then results show one order of 2 units and 198.00 GMV, with the cancellation counted apart
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.seller(seller)).get("/api/v1/streams/" + stream + "/results")
                        .then().statusCode(200)
                        .body("ordersPlaced", equalTo(2))
                        .body("ordersCancelled", equalTo(1))
                        .body("orders", equalTo(1))
                        .body("unitsSold", equalTo(2))
                        .body("gmvFen", equalTo(19_800))
                        .body("offers[0].unitsSold", equalTo(2))
                        .body("offers[0].gmvFen", equalTo(19_800))
                        // and the offer's remaining counts the duplicate once and the returned units back
                        .body("offers[0].remaining", equalTo(98)));
        // and an admin sees the same figures
        given().auth().oauth2(Tokens.admin()).get("/api/v1/streams/" + stream + "/results")
                .then().statusCode(200).body("unitsSold", equalTo(2));
    }

    @Test
    void givenRefundedOrders_thenResultsNetThemOutAndUnitsReturnedBeforeDispatchAreBackOnTheOfferOnce() {
        // Given a live stream with an offer of 100 units at 99.00 and three orders: A (2 units) stays sold,
        UUID seller = Given.verifiedSeller();
        UUID stream = Given.liveStream(seller);
        UUID offer = Given.offer(seller, stream, 100);
        try (OrderFeed orders = new OrderFeed(codec)) {
            OrderPlaced a = OrderFeed.placed(UUID.randomUUID(), seller, stream, offer, 2, 9_900);
            OrderPlaced b = OrderFeed.placed(UUID.randomUUID(), seller, stream, offer, 3, 9_900);
            OrderPlaced c = OrderFeed.placed(UUID.randomUUID(), seller, stream, offer, 4, 9_900);
            orders.send(a);
            orders.send(b);
            orders.send(c);
            // B is refunded before dispatch (its units went back to the offer) and the refund is announced twice,
            OrderRefunded refundB = new OrderRefunded(b.orderId(), b.buyerId(), seller, stream, b.totalFen(), "CNY",
                    "farm ran out", List.of(new ReturnedLine(b.lines().get(0).skuId(), offer, 3, StockReturn.OFFER)));
            orders.send(refundB);
            orders.send(refundB);
            // and C is refunded after delivery (no units returned; an event without the field, as before ADR 0018)
            orders.send(new OrderRefunded(c.orderId(), c.buyerId(), seller, stream, c.totalFen(), "CNY", "spoiled",
                    null));
            orders.flush();
        }

        // Then results count only A as sold, both refunds apart with their amounts counted once
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.seller(seller)).get("/api/v1/streams/" + stream + "/results")
                        .then().statusCode(200)
                        .body("ordersPlaced", equalTo(3))
                        .body("ordersRefunded", equalTo(2))
                        .body("refundedFen", equalTo(3 * 9_900 + 4 * 9_900))
                        .body("orders", equalTo(1))
                        .body("unitsSold", equalTo(2))
                        .body("gmvFen", equalTo(19_800))
                        .body("offers[0].unitsSold", equalTo(2))
                        // and the offer's remaining has B's 3 units back once, C's 4 still gone: 100 - 9 + 3
                        .body("offers[0].remaining", equalTo(94)));
    }

    @Test
    void onlyTheOwnerOrAnAdminReadsResults() {
        UUID stream = Given.liveStream(Given.verifiedSeller());

        Problems.assertProblem(given().auth().oauth2(Tokens.seller(Given.verifiedSeller()))
                .get("/api/v1/streams/" + stream + "/results").then(), 403);
        Problems.assertProblem(given().auth().oauth2(Tokens.consumer(UUID.randomUUID()))
                .get("/api/v1/streams/" + stream + "/results").then(), 403);
        Problems.assertProblem(given().get("/api/v1/streams/" + stream + "/results").then(), 401);
    }

    @Test
    void likesAreSummarisedIntoTheStreamWhenItEnds() {
        // Given a live stream liked twice
        UUID seller = Given.verifiedSeller();
        UUID stream = Given.liveStream(seller);
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(Tokens.consumer(UUID.randomUUID())).post("/api/v1/streams/" + stream + "/likes")
                    .then().statusCode(200);
        }

        // When it ends, then the seller's history shows it ended with 2 likes
        Given.act(seller, stream, "end").then().statusCode(200).body("counters.likes", equalTo(2));
        given().auth().oauth2(Tokens.seller(seller)).get("/api/v1/sellers/me/streams").then().statusCode(200)
                .body("id", hasItem(stream.toString()))
                .body("find { it.id == '" + stream + "' }.status", equalTo("ENDED"));
        // and liking an ended stream is a conflict
        Problems.assertProblem(given().auth().oauth2(Tokens.consumer(UUID.randomUUID()))
                .post("/api/v1/streams/" + stream + "/likes").then(), 409);
    }
}
