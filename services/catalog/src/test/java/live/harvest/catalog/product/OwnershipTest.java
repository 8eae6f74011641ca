package live.harvest.catalog.product;

import io.quarkus.test.junit.QuarkusTest;
import live.harvest.catalog.Fixtures;
import live.harvest.catalog.Fixtures.Listing;
import live.harvest.testkit.Problems;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class OwnershipTest {

    @Test
    void anotherSellerCannotChangeAProductTheyDoNotOwn() {
        // Given seller A's listed product and seller B
        Listing listing = Fixtures.listing(5000, 10);
        UUID intruder = Fixtures.seller(true);

        // When B tries every kind of change, each is forbidden
        Problems.assertProblem(Fixtures.asSeller(intruder).body(Fixtures.product("Hijacked"))
                .put("/api/v1/products/{id}", listing.productId()).then(), 403);
        Problems.assertProblem(Fixtures.asSeller(intruder)
                .body(Map.of("spec", "1 kg", "netWeightGrams", 1000, "priceFen", 1))
                .post("/api/v1/products/{id}/skus", listing.productId()).then(), 403);
        Problems.assertProblem(Fixtures.asSeller(intruder)
                .body(Map.of("spec", "1 kg", "netWeightGrams", 1000, "priceFen", 1))
                .put("/api/v1/skus/{id}", listing.skuId()).then(), 403);
        Problems.assertProblem(Fixtures.asSeller(intruder)
                .post("/api/v1/products/{id}/delisting", listing.productId()).then(), 403);
        Problems.assertProblem(Fixtures.asSeller(intruder)
                .body(Map.of("harvestDate", "2024-05-01", "quantity", 1, "unit", "kg",
                        "originVillageCode", Fixtures.VILLAGE))
                .post("/api/v1/products/{id}/batches", listing.productId()).then(), 403);

        // Then the product is unchanged
        given().get("/api/v1/products/{id}", listing.productId()).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("skus", hasSize(1))
                .body("skus[0].priceFen", equalTo(5000));
        given().get("/api/v1/products/{id}/batches", listing.productId()).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void consumersAndAnonymousCallersCannotCreateProducts() {
        Problems.assertProblem(Fixtures.asConsumer(UUID.randomUUID()).body(Fixtures.product("x"))
                .post("/api/v1/products").then(), 403);
        Problems.assertProblem(given().contentType("application/json").body(Fixtures.product("x"))
                .post("/api/v1/products").then(), 401);
    }
}
