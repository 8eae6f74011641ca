package live.harvest.catalog.stock;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import live.harvest.catalog.Fixtures;
import live.harvest.catalog.Fixtures.Listing;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AllocationConcurrencyTest {

    @Test
    void fortyParallelAllocationsNeverTakeMoreThanIsOnHand() throws Exception {
        // Given 50 units on hand
        Listing listing = Fixtures.listing(3800, 50);

        // When 40 offers each ask for 3 units at the same moment
        List<Response> answers = Fixtures.atOnce(40, () -> Fixtures.asService("harvest-livestream")
                .body(Map.of("offerId", UUID.randomUUID(), "sellerId", listing.sellerId(), "quantity", 3))
                .post("/api/v1/skus/{id}/allocations", listing.skuId()));
        List<Integer> statuses = new ArrayList<>();
        for (Response response : answers) {
            statuses.add(response.statusCode());
            if (response.statusCode() == 409) {
                assertEquals("https://harvest.live/problems/insufficient-stock", response.path("type"));
            }
        }

        // Then exactly 16 got their units and the other 24 were told there was not enough
        assertEquals(16, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
        assertEquals(24, statuses.stream().filter(s -> s == 409).count(), statuses::toString);

        // and the ledger agrees: 2 left, never negative, every line follows from the one before
        Response ledger = Fixtures.asSeller(listing.sellerId())
                .get("/api/v1/skus/{id}/ledger?size=100", listing.skuId());
        assertEquals(2L, ((Number) ledger.path("onHand")).longValue());
        assertEquals(2L, ((Number) ledger.path("sumOfDeltas")).longValue());
        List<Map<String, Object>> movements = ledger.path("movements");
        assertEquals(17, movements.size());
        long running = 0;
        for (Map<String, Object> movement : movements) {
            running += ((Number) movement.get("delta")).longValue();
            long after = ((Number) movement.get("onHandAfter")).longValue();
            assertEquals(running, after, "each onHandAfter follows from the previous one");
            assertTrue(after >= 0, "on-hand never negative");
        }
    }
}
