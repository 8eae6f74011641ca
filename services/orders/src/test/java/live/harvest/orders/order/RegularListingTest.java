package live.harvest.orders.order;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.orders.support.CatalogAnswers;
import live.harvest.orders.support.Fixtures;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import live.harvest.testkit.Problems;
import live.harvest.testkit.Tokens;
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
 * real REST client at a real HTTP stub ({@code CatalogStub}) speaking catalog's contract from the brief.
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
        CatalogAnswers.reserves(sku, seller, 2680);
        UUID buyer = UUID.randomUUID();

        // When a buyer orders 3
        place(buyer, UUID.randomUUID().toString(), skuOrder(sku, 3)).then().statusCode(201)
                .body("sellerId", equalTo(seller.toString()))
                .body("streamId", equalTo(null))
                .body("totalFen", equalTo(3 * 2680))
                .body("lines[0].offerId", equalTo(null))
                .body("temperatureClass", equalTo("CHILLED"));

        // Then catalog was asked by orders as itself (its own service token, never the buyer's), for that buyer
        Map<String, String> call = CatalogAnswers.callsFor(sku).get(0);
        assertEquals("POST", call.get("method"));
        assertEquals("true", call.get("callerIsService"), call.toString());
        assertEquals("harvest-orders", call.get("caller"));
        assertEquals(buyer.toString(), call.get("buyerId"));
    }

    @Test
    void insufficientStockAtCatalogIsRefusedWith409AndNothingIsWritten() {
        UUID sku = UUID.randomUUID();
        CatalogAnswers.refuses(sku, 409, "insufficient-stock", "SKU " + sku + " has fewer than 3 units on hand");
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
        CatalogAnswers.reserves(sku, UUID.randomUUID(), 500);

        // When one order asks for both (both reservations succeed, the write refuses mixed sellers)
        Map<String, Object> body = Map.of("lines", List.of(
                Map.of("offerId", offer.offerId().toString(), "quantity", 2),
                Map.of("skuId", sku.toString(), "quantity", 1)), "address", address());
        Problems.assertProblem(place(UUID.randomUUID(), UUID.randomUUID().toString(), body).then(), 422)
                .body("type", equalTo("https://harvest.live/problems/mixed-sellers"));

        // Then the pool has its units back and catalog was told to release the order's reservation
        assertEquals(5, fixtures.unitsLeft(offer.offerId()));
        String orderId = CatalogAnswers.callsFor(sku).get(0).get("orderId");
        assertEquals(1, CatalogAnswers.releasesOf(orderId).size());
    }
}
