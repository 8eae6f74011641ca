package live.harvest.catalog.stock;

import io.quarkus.test.junit.QuarkusTest;
import live.harvest.catalog.Fixtures;
import live.harvest.catalog.Fixtures.Listing;
import live.harvest.platform.event.EventEnvelope;
import live.harvest.platform.event.Topics;
import live.harvest.platform.event.catalog.CatalogEvents.StockAllocated;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Problems;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class AllocationTest {

    @Test
    void allocatingToAnOfferAnswersTheContractAndEmitsStockAllocated() {
        try (KafkaProbe catalog = KafkaProbe.watch(Topics.CATALOG)) {
            // Given an active listing with a harvest batch and 100 units
            Listing listing = Fixtures.listing(4500, 100);
            String traceCode = Fixtures.asSeller(listing.sellerId())
                    .body(Map.of("harvestDate", "2024-04-01", "quantity", 120, "unit", "kg",
                            "originVillageCode", Fixtures.VILLAGE))
                    .post("/api/v1/products/{id}/batches", listing.productId())
                    .then().statusCode(201).extract().path("traceCode");
            UUID offerId = UUID.randomUUID();

            // When the livestream service allocates 30 units to an offer
            Fixtures.asService("harvest-livestream")
                    .body(Map.of("offerId", offerId, "sellerId", listing.sellerId(), "quantity", 30))
                    .post("/api/v1/skus/{id}/allocations", listing.skuId())
                    // Then it gets everything an offer needs
                    .then().statusCode(201)
                    .body("offerId", equalTo(offerId.toString()))
                    .body("skuId", equalTo(listing.skuId().toString()))
                    .body("productId", equalTo(listing.productId().toString()))
                    .body("sellerId", equalTo(listing.sellerId().toString()))
                    .body("sellerCountyCode", equalTo(Fixtures.COUNTY))
                    .body("priceFen", equalTo(4500))
                    .body("currency", equalTo("CNY"))
                    .body("temperatureClass", equalTo("AMBIENT"))
                    .body("traceCode", equalTo(traceCode))
                    .body("traceCode", matchesPattern("HL-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"))
                    .body("quantity", equalTo(30))
                    .body("onHandAfter", equalTo(70));

            // and the event says the same
            EventEnvelope event = catalog.awaitEvent("catalog.stock-allocated",
                    e -> offerId.toString().equals(e.payload().path("offerId").asText()));
            StockAllocated allocated = KafkaProbe.payload(event, StockAllocated.class);
            assertEquals(30, allocated.quantity());
            assertEquals(70, allocated.onHandAfter());
            assertEquals(listing.skuId().toString(), event.aggregateId());
        }
    }

    @Test
    void repeatingAnAllocationReturnsTheSameAnswerAndTakesNothingMore() {
        // Given an allocation already made
        Listing listing = Fixtures.listing(4500, 100);
        UUID offerId = UUID.randomUUID();
        Map<String, Object> body = Map.of("offerId", offerId, "sellerId", listing.sellerId(), "quantity", 30);
        String first = Fixtures.asService("harvest-livestream").body(body)
                .post("/api/v1/skus/{id}/allocations", listing.skuId()).then().statusCode(201).extract().asString();
        // When it is sent again
        String again = Fixtures.asService("harvest-livestream").body(body)
                .post("/api/v1/skus/{id}/allocations", listing.skuId()).then().statusCode(200).extract().asString();
        // Then the body is identical and only 30 units left stock
        assertEquals(first, again);
        assertEquals(70, Fixtures.onHand(listing));
        // and reusing the offer id for another quantity is a conflict
        Problems.assertProblem(Fixtures.asService("harvest-livestream")
                .body(Map.of("offerId", offerId, "sellerId", listing.sellerId(), "quantity", 5))
                .post("/api/v1/skus/{id}/allocations", listing.skuId()).then(), 409)
                .body("type", equalTo("https://harvest.live/problems/offer-already-allocated"));
    }

    @Test
    void anAllocationBeyondOnHandIsRefusedAndChangesNothing() {
        Listing listing = Fixtures.listing(4500, 10);
        Problems.assertProblem(Fixtures.asService("harvest-livestream")
                .body(Map.of("offerId", UUID.randomUUID(), "sellerId", listing.sellerId(), "quantity", 11))
                .post("/api/v1/skus/{id}/allocations", listing.skuId()).then(), 409)
                .body("type", equalTo("https://harvest.live/problems/insufficient-stock"));
        assertEquals(10, Fixtures.onHand(listing));
    }

    @Test
    void onlyActiveProductsOfTheOwnerCanBeAllocated() {
        // Given a delisted product
        Listing listing = Fixtures.listing(4500, 10);
        Fixtures.asSeller(listing.sellerId()).post("/api/v1/products/{id}/delisting", listing.productId())
                .then().statusCode(200);
        // Then allocating from it is refused as not active
        Problems.assertProblem(Fixtures.asService("harvest-livestream")
                .body(Map.of("offerId", UUID.randomUUID(), "sellerId", listing.sellerId(), "quantity", 1))
                .post("/api/v1/skus/{id}/allocations", listing.skuId()).then(), 409)
                .body("type", equalTo("https://harvest.live/problems/product-not-active"));
        // and allocating for a seller who does not own the SKU is forbidden, an unknown SKU is not found
        Problems.assertProblem(Fixtures.asService("harvest-livestream")
                .body(Map.of("offerId", UUID.randomUUID(), "sellerId", UUID.randomUUID(), "quantity", 1))
                .post("/api/v1/skus/{id}/allocations", listing.skuId()).then(), 403);
        Problems.assertProblem(Fixtures.asService("harvest-livestream")
                .body(Map.of("offerId", UUID.randomUUID(), "sellerId", listing.sellerId(), "quantity", 1))
                .post("/api/v1/skus/{id}/allocations", UUID.randomUUID()).then(), 404);
        assertEquals(10, Fixtures.onHand(listing));
    }

    @Test
    void givenASellerOrConsumerTokenWhenAllocatingDirectlyThenForbiddenAndNothingMoves() {
        // Allocations are livestream's to make (as itself); a seller's own token is refused too
        Listing listing = Fixtures.listing(4500, 10);
        Map<String, Object> body = Map.of("offerId", UUID.randomUUID(), "sellerId", listing.sellerId(), "quantity", 5);
        Problems.assertProblem(Fixtures.asSeller(listing.sellerId()).body(body)
                .post("/api/v1/skus/{id}/allocations", listing.skuId()).then(), 403);
        Problems.assertProblem(Fixtures.asConsumer(UUID.randomUUID()).body(body)
                .post("/api/v1/skus/{id}/allocations", listing.skuId()).then(), 403);
        assertEquals(10, Fixtures.onHand(listing));
    }
}
