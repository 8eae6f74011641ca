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
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AllocationConcurrencyTest {

    @Test
    void fortyParallelAllocationsNeverTakeMoreThanIsOnHand() throws Exception {
        // Given 50 units on hand
        Listing listing = Fixtures.listing(3800, 50);

        // When 40 offers each ask for 3 units at the same moment
        ExecutorService pool = Executors.newFixedThreadPool(40);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Callable<Response> call = () -> {
                start.await();
                return Fixtures.asService("harvest-livestream")
                        .body(Map.of("offerId", UUID.randomUUID(), "sellerId", listing.sellerId(), "quantity", 3))
                        .post("/api/v1/skus/{id}/allocations", listing.skuId());
            };
            calls.add(pool.submit(call));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Response> call : calls) {
            Response response = call.get(60, TimeUnit.SECONDS);
            statuses.add(response.statusCode());
            if (response.statusCode() == 409) {
                assertEquals("https://harvest.live/problems/insufficient-stock", response.path("type"));
            }
        }
        pool.shutdown();

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
