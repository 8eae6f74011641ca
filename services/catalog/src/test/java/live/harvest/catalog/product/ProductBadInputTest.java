package live.harvest.catalog.product;

import io.quarkus.test.junit.QuarkusTest;
import live.harvest.catalog.Fixtures;
import live.harvest.testkit.Problems;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class ProductBadInputTest {

    @Test
    void invalidProductsAreRejectedWithTheFieldNamedAndNothingWritten() {
        UUID sellerId = Fixtures.seller(true);

        Map<String, Object> badCodes = Fixtures.product("Tea");
        badCodes.put("originCountyCode", "33A127");
        badCodes.put("originTownshipCode", "3301271");
        assertInvalid(sellerId, badCodes, "originCountyCode");

        Map<String, Object> outside = Fixtures.product("Tea");
        outside.put("originTownshipCode", "330102001");
        assertInvalid(sellerId, outside, "originTownshipCode");

        Map<String, Object> oversize = Fixtures.product("t".repeat(121));
        oversize.put("description", "d".repeat(4001));
        assertInvalid(sellerId, oversize, "title");

        Map<String, Object> shelfLife = Fixtures.product("Tea");
        shelfLife.put("shelfLifeDays", -1);
        assertInvalid(sellerId, shelfLife, "shelfLifeDays");

        Map<String, Object> category = Fixtures.product("Tea");
        category.put("category", "JEWELLERY");
        Problems.assertProblem(Fixtures.asSeller(sellerId).body(category).post("/api/v1/products").then(), 400)
                .body("detail", equalTo("Field 'category' has an invalid value"));

        Fixtures.asSeller(sellerId).get("/api/v1/sellers/me/products").then().body("total", equalTo(0));
    }

    @Test
    void skusNeedAPositivePriceAndWeight() {
        UUID sellerId = Fixtures.seller(true);
        UUID productId = Fixtures.draft(sellerId, Fixtures.product("Tea"));
        Problems.assertProblem(Fixtures.asSeller(sellerId)
                .body(Map.of("spec", "250 g", "netWeightGrams", -250, "priceFen", -1))
                .post("/api/v1/products/{id}/skus", productId).then(), 400)
                .body("errors.field", hasItem("priceFen")).body("errors.field", hasItem("netWeightGrams"));
        Problems.assertProblem(Fixtures.asSeller(sellerId)
                .body(Map.of("spec", "250 g", "netWeightGrams", 250, "priceFen", 0))
                .post("/api/v1/products/{id}/skus", productId).then(), 400);
        Fixtures.asSeller(sellerId).get("/api/v1/products/{id}", productId).then().body("skus", hasSize(0));
    }

    @Test
    void aSellerWithoutAProfileCannotCreateProducts() {
        Problems.assertProblem(Fixtures.asSeller(UUID.randomUUID()).body(Fixtures.product("Tea"))
                .post("/api/v1/products").then(), 409)
                .body("type", equalTo("https://harvest.live/problems/seller-profile-missing"));
    }

    private static void assertInvalid(UUID sellerId, Map<String, Object> body, String field) {
        Problems.assertProblem(Fixtures.asSeller(sellerId).body(body).post("/api/v1/products").then(), 400)
                .body("errors.field", hasItem(field));
    }
}
