package live.harvest.catalog.stock;

import io.quarkus.test.junit.QuarkusTest;
import live.harvest.catalog.Fixtures;
import live.harvest.catalog.Fixtures.Listing;
import live.harvest.platform.event.Topics;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Problems;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

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
            Map<String, Object> body = Map.of("orderId", orderId, "skuId", listing.skuId(), "quantity", 4);

            // When orders reserves 4 units, then retries
            String first = Fixtures.asConsumer(buyer).body(body).post("/api/v1/stock/reservations")
                    .then().statusCode(201)
                    .body("unitPriceFen", equalTo(2600)).body("sellerCountyCode", equalTo(Fixtures.COUNTY))
                    .body("quantity", equalTo(4)).body("temperatureClass", equalTo("AMBIENT"))
                    .extract().asString();
            String again = Fixtures.asConsumer(buyer).body(body).post("/api/v1/stock/reservations")
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
    void withdrawingAReservationGivesTheUnitsBackOnce() {
        Listing listing = Fixtures.listing(2600, 20);
        UUID buyer = UUID.randomUUID();
        UUID orderId = UUID.randomUUID();
        Fixtures.asConsumer(buyer).body(Map.of("orderId", orderId, "skuId", listing.skuId(), "quantity", 5))
                .post("/api/v1/stock/reservations").then().statusCode(201);

        // Another buyer cannot withdraw it
        Problems.assertProblem(Fixtures.asConsumer(UUID.randomUUID())
                .delete("/api/v1/stock/reservations/{id}", orderId).then(), 403);
        // The buyer can, twice, with one effect
        Fixtures.asConsumer(buyer).delete("/api/v1/stock/reservations/{id}", orderId).then().statusCode(204);
        Fixtures.asConsumer(buyer).delete("/api/v1/stock/reservations/{id}", orderId).then().statusCode(204);
        assertEquals(20, Fixtures.onHand(listing));
        // An order that never reserved anything is unknown
        Problems.assertProblem(Fixtures.asConsumer(buyer)
                .delete("/api/v1/stock/reservations/{id}", UUID.randomUUID()).then(), 404);
    }

    @Test
    void aReservationBeyondStockIsRefused() {
        Listing listing = Fixtures.listing(2600, 3);
        Problems.assertProblem(Fixtures.asConsumer(UUID.randomUUID())
                .body(Map.of("orderId", UUID.randomUUID(), "skuId", listing.skuId(), "quantity", 4))
                .post("/api/v1/stock/reservations").then(), 409)
                .body("type", equalTo("https://harvest.live/problems/insufficient-stock"));
        Problems.assertProblem(Fixtures.asConsumer(UUID.randomUUID())
                .body(Map.of("orderId", UUID.randomUUID(), "skuId", UUID.randomUUID(), "quantity", 1))
                .post("/api/v1/stock/reservations").then(), 404);
        Problems.assertProblem(Fixtures.asConsumer(UUID.randomUUID())
                .body(Map.of("orderId", UUID.randomUUID(), "skuId", listing.skuId(), "quantity", 0))
                .post("/api/v1/stock/reservations").then(), 400);
        assertEquals(3, Fixtures.onHand(listing));
    }
}
