package live.harvest.orders.order;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.orders.support.Fixtures;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import live.harvest.testkit.Problems;
import live.harvest.testkit.Tokens;
import live.harvest.testkit.catalog.CatalogDouble;
import live.harvest.testkit.catalog.Sku;
import live.harvest.testkit.catalog.StockCall;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static live.harvest.orders.support.Fixtures.address;
import static live.harvest.orders.support.Fixtures.place;
import static live.harvest.orders.support.Fixtures.skuOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Regular listings reserve stock at catalog over REST. Catalog is another service, so these tests point the
 * real REST client at testkit's {@code CatalogDouble}, a real HTTP server held to openapi/catalog.yaml.
 */
@QuarkusTest
class RegularListingTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aRegularListingIsReservedAtCatalogAsTheBuyerAndPricedByCatalog() {
        // Given catalog lists a SKU at 2,680 fen
        UUID sku = UUID.randomUUID();
        UUID seller = UUID.randomUUID();
        CatalogDouble.givenSku(Sku.chilledFish(sku, seller, 2680));
        UUID buyer = UUID.randomUUID();

        // When a buyer orders 3
        place(buyer, UUID.randomUUID().toString(), skuOrder(sku, 3)).then().statusCode(201)
                .body("sellerId", equalTo(seller.toString()))
                .body("streamId", equalTo(null))
                .body("totalFen", equalTo(3 * 2680))
                .body("lines[0].offerId", equalTo(null))
                .body("temperatureClass", equalTo("CHILLED"));

        // Then catalog was asked by orders as itself (its own service token, never the buyer's), for that buyer
        StockCall call = CatalogDouble.callsFor(sku).get(0);
        assertEquals("POST", call.method());
        assertTrue(call.callerIsService(), call.toString());
        assertEquals("harvest-orders", call.caller());
        assertEquals(buyer, call.buyerId());
    }

    @Test
    void insufficientStockAtCatalogIsRefusedWith409AndNothingIsWritten() {
        UUID sku = UUID.randomUUID();
        CatalogDouble.refuses(sku, 409, "insufficient-stock", "SKU " + sku + " has fewer than 3 units on hand");
        UUID buyer = UUID.randomUUID();

        Problems.assertProblem(place(buyer, UUID.randomUUID().toString(), skuOrder(sku, 3)).then(), 409)
                .body("type", equalTo("https://harvest.live/problems/insufficient-stock"));
        given().auth().oauth2(Tokens.consumer(buyer)).get("/api/v1/orders/mine").then().body("total", equalTo(0));
    }

    @Test
    void anUnknownSkuIsRefusedWith422() {
        Problems.assertProblem(place(UUID.randomUUID(), UUID.randomUUID().toString(),
                        skuOrder(UUID.randomUUID(), 1)).then(), 422)
                .body("type", equalTo("https://harvest.live/problems/unknown-sku"));
    }

    @Test
    void whenTheOrderCannotBeWrittenBothReservationsAreGivenBack() {
        // Given a live offer of one seller and a catalog SKU of another
        OfferOpened offer = fixtures.openOffer(5, 2, 100);
        UUID sku = UUID.randomUUID();
        CatalogDouble.givenSku(Sku.chilledFish(sku, UUID.randomUUID(), 500));

        // When one order asks for both (both reservations succeed, the write refuses mixed sellers)
        Map<String, Object> body = Map.of("lines", List.of(
                Map.of("offerId", offer.offerId().toString(), "quantity", 2),
                Map.of("skuId", sku.toString(), "quantity", 1)), "address", address());
        Problems.assertProblem(place(UUID.randomUUID(), UUID.randomUUID().toString(), body).then(), 422)
                .body("type", equalTo("https://harvest.live/problems/mixed-sellers"));

        // Then the pool has its units back and catalog was told to release the order's reservation
        assertEquals(5, fixtures.unitsLeft(offer.offerId()));
        UUID orderId = CatalogDouble.callsFor(sku).get(0).orderId();
        assertEquals(1, CatalogDouble.releasesOf(orderId).size());
    }
}
