package live.harvest.orders.order;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.orders.support.Fixtures;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import live.harvest.testkit.Problems;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class OrderQueriesTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aBuyerPagesThroughTheirOwnOrdersNewestFirst() {
        // Given a buyer with three orders
        OfferOpened offer = fixtures.openOffer(10, 5, 300);
        UUID buyer = UUID.randomUUID();
        Fixtures.buy(buyer, offer.offerId(), 1);
        Fixtures.buy(buyer, offer.offerId(), 1);
        UUID newest = Fixtures.buy(buyer, offer.offerId(), 2);
        Fixtures.buy(UUID.randomUUID(), offer.offerId(), 1); // someone else's

        // When they list two per page, Then they see their own, newest first
        given().auth().oauth2(Tokens.consumer(buyer)).queryParam("size", 2).get("/api/v1/orders/mine").then()
                .statusCode(200).body("total", equalTo(3)).body("items", hasSize(2))
                .body("items[0].id", equalTo(newest.toString())).body("items[0].units", equalTo(2));
        given().auth().oauth2(Tokens.consumer(buyer)).queryParam("size", 2).queryParam("page", 1)
                .get("/api/v1/orders/mine").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void aSellerSeesOrdersOfTheirOffersOnly() {
        OfferOpened offer = fixtures.openOffer(10, 5, 300);
        UUID orderId = Fixtures.buy(UUID.randomUUID(), offer.offerId(), 1);

        given().auth().oauth2(Tokens.seller(offer.sellerId())).get("/api/v1/sellers/me/orders").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(orderId.toString()));
        given().auth().oauth2(Tokens.seller(offer.sellerId())).queryParam("status", "PAID")
                .get("/api/v1/sellers/me/orders").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(Tokens.seller(UUID.randomUUID())).get("/api/v1/sellers/me/orders").then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anOrderIsVisibleToItsBuyerItsSellerAndAdminsOnly() {
        OfferOpened offer = fixtures.openOffer(10, 5, 300);
        UUID buyer = UUID.randomUUID();
        UUID orderId = Fixtures.buy(buyer, offer.offerId(), 1);

        given().auth().oauth2(Tokens.consumer(buyer)).get("/api/v1/orders/{id}", orderId).then().statusCode(200)
                .body("timeline[0].to", equalTo("PENDING_PAYMENT"));
        given().auth().oauth2(Tokens.seller(offer.sellerId())).get("/api/v1/orders/{id}", orderId).then()
                .statusCode(200);
        given().auth().oauth2(Tokens.admin()).get("/api/v1/orders/{id}", orderId).then().statusCode(200);
        Problems.assertProblem(given().auth().oauth2(Tokens.consumer(UUID.randomUUID()))
                .get("/api/v1/orders/{id}", orderId).then(), 404);
        Problems.assertProblem(given().auth().oauth2(Tokens.seller(UUID.randomUUID()))
                .get("/api/v1/orders/{id}", orderId).then(), 404);
        Problems.assertProblem(given().get("/api/v1/orders/{id}", orderId).then(), 401);
    }

    @Test
    void givenAPartnerWhenItReadsAnOrderThenItNeedsOrdersReadAndIsToldWhichScopeItLacks() {
        OfferOpened offer = fixtures.openOffer(10, 5, 300);
        UUID orderId = Fixtures.buy(UUID.randomUUID(), offer.offerId(), 1);

        // A partner holding orders:read reads it
        given().auth().oauth2(Tokens.partner("orders:read", "shipments:read")).get("/api/v1/orders/{id}", orderId)
                .then().statusCode(200).body("id", equalTo(orderId.toString()));
        // A partner without it gets 403 insufficient_scope (RFC 6750) naming the scope to ask for
        Problems.assertProblem(given().auth().oauth2(Tokens.partner("shipments:read"))
                        .get("/api/v1/orders/{id}", orderId).then(), 403)
                .header("WWW-Authenticate", equalTo("Bearer error=\"insufficient_scope\", scope=\"orders:read\""))
                .body("type", equalTo("https://harvest.live/problems/insufficient-scope"));
        // and the scope does not stand in for a role: refunds need payments:refund
        Problems.assertProblem(given().auth().oauth2(Tokens.partner("orders:read")).contentType("application/json")
                .body("{}").post("/api/v1/orders/{id}/refund", orderId).then(), 403)
                .header("WWW-Authenticate", equalTo("Bearer error=\"insufficient_scope\", scope=\"payments:refund\""));
    }
}
