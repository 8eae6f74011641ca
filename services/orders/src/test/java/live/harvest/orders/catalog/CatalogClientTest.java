package live.harvest.orders.catalog;

import io.quarkus.test.junit.QuarkusTest;
import live.harvest.testkit.Problems;
import live.harvest.testkit.catalog.CatalogDouble;
import live.harvest.testkit.catalog.StockCall;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static live.harvest.orders.support.Fixtures.place;
import static live.harvest.orders.support.Fixtures.skuOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The fault tolerance around catalog (docs/service-skeleton.md): a refusal is an answer and is asked once; a failure
 * is tried again, since catalog keeps one reservation per order and SKU, and ends as 503 with a time to retry.
 */
@QuarkusTest
class CatalogClientTest {

    @Test
    void givenCatalogRefusesTheReservation_whenABuyerOrders_thenCatalogIsAskedOnceAndTheRefusalIsTheAnswer() {
        UUID sku = UUID.randomUUID();
        CatalogDouble.refuses(sku, 409, "insufficient-stock", "SKU " + sku + " has fewer than 2 units on hand");

        Problems.assertProblem(place(UUID.randomUUID(), UUID.randomUUID().toString(), skuOrder(sku, 2)).then(), 409)
                .body("type", equalTo("https://harvest.live/problems/insufficient-stock"));

        assertEquals(1, reservationsOf(sku).size());
    }

    @Test
    void givenCatalogFailing_whenABuyerOrders_thenTheReservationIsTriedThreeTimesThenReleasedAndTheBuyerGets503() {
        UUID sku = UUID.randomUUID();
        CatalogDouble.refuses(sku, 500, "internal", "catalog broke");

        Problems.assertProblem(place(UUID.randomUUID(), UUID.randomUUID().toString(), skuOrder(sku, 1)).then(), 503)
                .body("type", equalTo("https://harvest.live/problems/catalog-unavailable"))
                .header("Retry-After", notNullValue());

        List<StockCall> tries = reservationsOf(sku);
        assertEquals(3, tries.size(), tries.toString());
        UUID orderId = tries.get(0).orderId();
        assertEquals(List.of(orderId, orderId, orderId), tries.stream().map(StockCall::orderId).toList());
        assertEquals(1, CatalogDouble.releasesOf(orderId).size());
    }

    private static List<StockCall> reservationsOf(UUID sku) {
        return CatalogDouble.callsFor(sku).stream().filter(call -> "POST".equals(call.method())).toList();
    }
}
