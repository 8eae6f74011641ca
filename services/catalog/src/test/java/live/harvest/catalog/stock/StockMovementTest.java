package live.harvest.catalog.stock;

import io.quarkus.test.junit.QuarkusTest;
import live.harvest.catalog.Fixtures;
import live.harvest.catalog.Fixtures.Listing;
import live.harvest.platform.event.EventEnvelope;
import live.harvest.platform.event.Topics;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Problems;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class StockMovementTest {

    @Test
    void aRestockAddsToOnHandAndEmitsStockAdjusted() {
        try (KafkaProbe catalog = KafkaProbe.watch(Topics.CATALOG)) {
            // Given 10 units
            Listing listing = Fixtures.listing(1200, 10);
            // When the seller restocks 40
            Fixtures.asSeller(listing.sellerId()).body(Map.of("kind", "RESTOCK", "delta", 40))
                    .post("/api/v1/skus/{id}/stock-movements", listing.skuId())
                    .then().statusCode(201).body("onHandAfter", equalTo(50)).body("kind", equalTo("RESTOCK"));
            // Then the event carries the movement
            EventEnvelope event = catalog.awaitEvent("catalog.stock-adjusted",
                    e -> listing.skuId().toString().equals(e.aggregateId())
                            && e.payload().path("delta").asLong() == 40);
            assertEquals("RESTOCK", event.payload().path("movement").asText());
            assertEquals(50, event.payload().path("onHandAfter").asLong());
            assertEquals(50, Fixtures.onHand(listing));
        }
    }

    @Test
    void anAdjustmentNeedsAReasonAndCannotDriveStockNegative() {
        Listing listing = Fixtures.listing(1200, 10);
        // An adjustment without a reason is refused
        Problems.assertProblem(Fixtures.asSeller(listing.sellerId()).body(Map.of("kind", "ADJUSTMENT", "delta", -2))
                .post("/api/v1/skus/{id}/stock-movements", listing.skuId()).then(), 400)
                .body("type", equalTo("https://harvest.live/problems/reason-required"));
        // One taking more than is on hand is a conflict
        Problems.assertProblem(Fixtures.asSeller(listing.sellerId())
                .body(Map.of("kind", "ADJUSTMENT", "delta", -11, "reason", "spoiled"))
                .post("/api/v1/skus/{id}/stock-movements", listing.skuId()).then(), 409)
                .body("type", equalTo("https://harvest.live/problems/insufficient-stock"));
        // Ledger kinds that belong to other flows cannot be recorded by hand, nor a negative restock
        Problems.assertProblem(Fixtures.asSeller(listing.sellerId()).body(Map.of("kind", "SALE", "delta", -1))
                .post("/api/v1/skus/{id}/stock-movements", listing.skuId()).then(), 400);
        Problems.assertProblem(Fixtures.asSeller(listing.sellerId()).body(Map.of("kind", "RESTOCK", "delta", -1))
                .post("/api/v1/skus/{id}/stock-movements", listing.skuId()).then(), 400);
        // A valid one with a reason applies
        Fixtures.asSeller(listing.sellerId()).body(Map.of("kind", "ADJUSTMENT", "delta", -3, "reason", "spoiled"))
                .post("/api/v1/skus/{id}/stock-movements", listing.skuId())
                .then().statusCode(201).body("onHandAfter", equalTo(7)).body("reason", equalTo("spoiled"));
        // and the ledger still sums to on-hand: only the initial stock and this adjustment are in it
        Fixtures.asSeller(listing.sellerId()).get("/api/v1/skus/{id}/ledger", listing.skuId())
                .then().statusCode(200).body("onHand", equalTo(7)).body("sumOfDeltas", equalTo(7))
                .body("totalMovements", equalTo(2));
    }

    @Test
    void theLedgerIsForTheOwnerAndAdminsOnly() {
        Listing listing = Fixtures.listing(1200, 10);
        Problems.assertProblem(Fixtures.asSeller(UUID.randomUUID())
                .get("/api/v1/skus/{id}/ledger", listing.skuId()).then(), 403);
        Problems.assertProblem(Fixtures.asSeller(UUID.randomUUID()).body(Map.of("kind", "RESTOCK", "delta", 5))
                .post("/api/v1/skus/{id}/stock-movements", listing.skuId()).then(), 403);
        Fixtures.asAdmin().get("/api/v1/skus/{id}/ledger", listing.skuId())
                .then().statusCode(200).body("onHand", equalTo(10));
        Problems.assertProblem(Fixtures.asConsumer(UUID.randomUUID())
                .get("/api/v1/skus/{id}/ledger", listing.skuId()).then(), 403);
        assertEquals(10, Fixtures.onHand(listing));
    }
}
