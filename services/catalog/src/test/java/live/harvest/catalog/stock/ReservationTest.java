package live.harvest.catalog.stock;

import io.quarkus.test.junit.QuarkusTest;
import live.harvest.catalog.Fixtures;
import live.harvest.catalog.Fixtures.Listing;
import live.harvest.platform.event.Topics;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Problems;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ReservationTest {

    @Test
    void aRegularListingOrderReservesOnceAndEmitsASaleMovement() {
        try (KafkaProbe catalog = KafkaProbe.watch(Topics.CATALOG)) {
            // Given 20 units and a buyer's order
            Listing listing = Fixtures.listing(2600, 20);
            UUID buyer = UUID.randomUUID();
            UUID orderId = UUID.randomUUID();
            Map<String, Object> body = Map.of("orderId", orderId, "buyerId", buyer, "skuId", listing.skuId(),
                    "quantity", 4);

            // When orders reserves 4 units, then retries
            String first = Fixtures.asService("harvest-orders").body(body).post("/api/v1/stock/reservations")
                    .then().statusCode(201)
                    .body("unitPriceFen", equalTo(2600)).body("sellerCountyCode", equalTo(Fixtures.COUNTY))
                    .body("quantity", equalTo(4)).body("temperatureClass", equalTo("AMBIENT"))
                    .extract().asString();
            String again = Fixtures.asService("harvest-orders").body(body).post("/api/v1/stock/reservations")
                    .then().statusCode(200).extract().asString();

            // Then the same answer came twice and 4 units left stock once
            assertEquals(first, again);
            assertEquals(16, Fixtures.onHand(listing));
            catalog.awaitEvent("catalog.stock-adjusted", e -> listing.skuId().toString().equals(e.aggregateId())
                    && "SALE".equals(e.payload().path("movement").asText())
                    && e.payload().path("delta").asLong() == -4);
        }
    }

    @Test
    void givenAnOrderOrdersCouldNotWriteWhenOrdersWithdrawsItsReservationThenTheUnitsComeBackOnce() {
        Listing listing = Fixtures.listing(2600, 20);
        UUID buyer = UUID.randomUUID();
        UUID orderId = UUID.randomUUID();
        Fixtures.asService("harvest-orders")
                .body(Map.of("orderId", orderId, "buyerId", buyer, "skuId", listing.skuId(), "quantity", 5))
                .post("/api/v1/stock/reservations").then().statusCode(201);

        // The buyer cannot withdraw it; orders can, twice, with one effect
        Problems.assertProblem(Fixtures.asConsumer(buyer)
                .delete("/api/v1/stock/reservations/{id}", orderId).then(), 403);
        assertEquals(15, Fixtures.onHand(listing));
        Fixtures.asService("harvest-orders").delete("/api/v1/stock/reservations/{id}", orderId).then().statusCode(204);
        Fixtures.asService("harvest-orders").delete("/api/v1/stock/reservations/{id}", orderId).then().statusCode(204);
        assertEquals(20, Fixtures.onHand(listing));
        // An order that never reserved anything is unknown
        Problems.assertProblem(Fixtures.asService("harvest-orders")
                .delete("/api/v1/stock/reservations/{id}", UUID.randomUUID()).then(), 404);
    }

    @Test
    void givenAConsumerTokenWhenReservingAWholeSkuForAMadeUpOrderThenForbiddenAndNoReservationExists() {
        // Regression (identity issue): one consumer request per SKU used to empty the regular catalogue
        Listing listing = Fixtures.listing(2600, 7);
        UUID buyer = UUID.randomUUID();
        UUID madeUp = UUID.randomUUID();
        Map<String, Object> body = Map.of("orderId", madeUp, "buyerId", buyer, "skuId", listing.skuId(), "quantity", 7);
        Problems.assertProblem(Fixtures.asConsumer(buyer).body(body).post("/api/v1/stock/reservations").then(), 403);
        Problems.assertProblem(Fixtures.asSeller(listing.sellerId()).body(body)
                .post("/api/v1/stock/reservations").then(), 403);
        Problems.assertProblem(given().auth().oauth2(Tokens.partner("orders:read")).contentType("application/json")
                .body(body).post("/api/v1/stock/reservations").then(), 403);
        // Then stock is whole and no reservation was recorded for the made-up order
        assertEquals(7, Fixtures.onHand(listing));
        Problems.assertProblem(Fixtures.asService("harvest-orders")
                .delete("/api/v1/stock/reservations/{id}", madeUp).then(), 404);
    }

    @Test
    void aReservationBeyondStockIsRefused() {
        Listing listing = Fixtures.listing(2600, 3);
        Problems.assertProblem(Fixtures.asService("harvest-orders")
                .body(Map.of("orderId", UUID.randomUUID(), "buyerId", UUID.randomUUID(), "skuId", listing.skuId(), "quantity", 4))
                .post("/api/v1/stock/reservations").then(), 409)
                .body("type", equalTo("https://harvest.live/problems/insufficient-stock"));
        Problems.assertProblem(Fixtures.asService("harvest-orders")
                .body(Map.of("orderId", UUID.randomUUID(), "buyerId", UUID.randomUUID(), "skuId", UUID.randomUUID(), "quantity", 1))
                .post("/api/v1/stock/reservations").then(), 404);
        Problems.assertProblem(Fixtures.asService("harvest-orders")
                .body(Map.of("orderId", UUID.randomUUID(), "buyerId", UUID.randomUUID(), "skuId", listing.skuId(), "quantity", 0))
                .post("/api/v1/stock/reservations").then(), 400);
        assertEquals(3, Fixtures.onHand(listing));
    }
}
