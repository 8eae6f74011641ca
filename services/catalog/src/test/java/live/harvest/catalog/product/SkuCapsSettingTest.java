package live.harvest.catalog.product;

import io.quarkus.test.junit.QuarkusTest;
import live.harvest.catalog.Fixtures;
import live.harvest.catalog.Fixtures.Listing;
import live.harvest.testkit.Problems;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** A seller sets the anti-hoarding caps of their own SKUs (ADR 0019); absent caps mean the platform default. */
@QuarkusTest
class SkuCapsSettingTest {

    @Test
    void givenASeller_whenTheyAddASkuWithCaps_thenTheSkuShowsThemPublicly() {
        Listing listing = Fixtures.listing(2600, 10);
        Map<String, Object> body = sku(4, 12);

        String skuId = Fixtures.asSeller(listing.sellerId()).body(body)
                .post("/api/v1/products/{id}/skus", listing.productId()).then().statusCode(201)
                .body("maxUnitsPerOrder", equalTo(4)).body("maxUnitsPerBuyer", equalTo(12))
                .extract().path("skuId");

        given().get("/api/v1/products/{id}", listing.productId()).then().statusCode(200)
                .body("skus.find { it.skuId == '" + skuId + "' }.maxUnitsPerOrder", equalTo(4));
    }

    @Test
    void givenASkuWithoutCaps_whenRead_thenItsCapsAreNullMeaningThePlatformDefault() {
        Listing listing = Fixtures.listing(2600, 10);
        given().get("/api/v1/products/{id}", listing.productId()).then().statusCode(200)
                .body("skus[0].maxUnitsPerOrder", nullValue()).body("skus[0].maxUnitsPerBuyer", nullValue());
    }

    @Test
    void givenASkuWithCaps_whenItsSellerReplacesItWithoutThem_thenItIsBackOnThePlatformDefaults() {
        Listing listing = Fixtures.listing(2600, 10);
        Fixtures.asSeller(listing.sellerId()).body(sku(2, 2)).put("/api/v1/skus/{id}", listing.skuId())
                .then().statusCode(200).body("maxUnitsPerBuyer", equalTo(2));

        Fixtures.asSeller(listing.sellerId()).body(sku(null, null)).put("/api/v1/skus/{id}", listing.skuId())
                .then().statusCode(200).body("maxUnitsPerOrder", nullValue()).body("maxUnitsPerBuyer", nullValue());
    }

    @Test
    void givenCapsWherePerOrderExceedsPerBuyer_whenSet_thenRefused400NamingTheFieldAndNothingChanges() {
        Listing listing = Fixtures.listing(2600, 10);
        Problems.assertProblem(Fixtures.asSeller(listing.sellerId()).body(sku(6, 5))
                        .put("/api/v1/skus/{id}", listing.skuId()).then(), 400)
                .body("errors.field", hasItem("maxUnitsPerOrder"));
        Problems.assertProblem(Fixtures.asSeller(listing.sellerId()).body(sku(6, 5))
                        .put("/api/v1/products/{p}/skus/{s}", listing.productId(), UUID.randomUUID()).then(), 400)
                .body("errors.field", hasItem("maxUnitsPerOrder"));

        given().get("/api/v1/products/{id}", listing.productId()).then()
                .body("skus.size()", equalTo(1)).body("skus[0].maxUnitsPerOrder", nullValue());
    }

    @Test
    void givenACapThatIsNotPositiveOrTooLarge_whenSet_thenRefused400NamingTheField() {
        Listing listing = Fixtures.listing(2600, 10);
        Problems.assertProblem(Fixtures.asSeller(listing.sellerId()).body(sku(0, null))
                .put("/api/v1/skus/{id}", listing.skuId()).then(), 400)
                .body("errors.field", hasItem("maxUnitsPerOrder"));
        Problems.assertProblem(Fixtures.asSeller(listing.sellerId()).body(sku(null, 10_001))
                .put("/api/v1/skus/{id}", listing.skuId()).then(), 400)
                .body("errors.field", hasItem("maxUnitsPerBuyer"));
    }

    @Test
    void givenAnotherSellersSku_whenTheyTrySettingItsCaps_thenForbidden() {
        Listing listing = Fixtures.listing(2600, 10);
        Problems.assertProblem(Fixtures.asSeller(Fixtures.seller(true)).body(sku(1, 1))
                .put("/api/v1/skus/{id}", listing.skuId()).then(), 403);
        given().get("/api/v1/products/{id}", listing.productId()).then().body("skus[0].maxUnitsPerBuyer", nullValue());
    }

    private static Map<String, Object> sku(Integer perOrder, Integer perBuyer) {
        Map<String, Object> body = new HashMap<>(Map.of("spec", "250 g tin", "netWeightGrams", 250, "priceFen", 2600));
        body.put("maxUnitsPerOrder", perOrder);
        body.put("maxUnitsPerBuyer", perBuyer);
        return body;
    }
}
