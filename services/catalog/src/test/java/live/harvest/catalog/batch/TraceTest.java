package live.harvest.catalog.batch;

import io.quarkus.test.junit.QuarkusTest;
import live.harvest.catalog.Fixtures;
import live.harvest.catalog.Fixtures.Listing;
import live.harvest.testkit.Problems;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class TraceTest {

    @Test
    void anyoneCanTraceABatchByItsCode() {
        // Given a listed product with a certified harvest batch
        Listing listing = Fixtures.listing(16800, 10);
        String code = Fixtures.asSeller(listing.sellerId()).body(batch())
                .post("/api/v1/products/{id}/batches", listing.productId())
                .then().statusCode(201)
                .body("traceCode", matchesPattern("^HL-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$"))
                .extract().path("traceCode");

        // When someone without a login looks the code up, typed loosely
        given().get("/api/v1/trace/{code}", code.toLowerCase().replace("-", " ").replace("hl ", "hl"))
                // Then they see the product, the seller's public face, the origin, the batch and the certificate
                .then().statusCode(200)
                .body("traceCode", equalTo(code))
                .body("product.productId", equalTo(listing.productId().toString()))
                .body("seller.sellerId", equalTo(listing.sellerId().toString()))
                .body("seller", not(hasKey("contactPhone")))
                .body("origin.countyCode", equalTo(Fixtures.COUNTY))
                .body("origin.townshipCode", equalTo(Fixtures.TOWNSHIP))
                .body("origin.villageCode", equalTo(Fixtures.VILLAGE))
                .body("batch.harvestDate", equalTo("2024-04-02"))
                .body("certificate.number", equalTo("GAP-2024-0188"));
    }

    @Test
    void anUnknownCodeIsNotFoundAndGarbageIsABadRequest() {
        Problems.assertProblem(given().get("/api/v1/trace/{code}", "HL-0000-0000").then(), 404);
        Problems.assertProblem(given().get("/api/v1/trace/{code}", "not-a-code!").then(), 400);
    }

    @Test
    void aBatchMustComeFromTheProductsOriginAndNotFromTheFuture() {
        Listing listing = Fixtures.listing(16800, 10);
        Map<String, Object> elsewhere = batch();
        elsewhere.put("originVillageCode", "330127101201");
        Problems.assertProblem(Fixtures.asSeller(listing.sellerId()).body(elsewhere)
                .post("/api/v1/products/{id}/batches", listing.productId()).then(), 400)
                .body("errors[0].field", equalTo("originVillageCode"));
        Map<String, Object> future = batch();
        future.put("harvestDate", LocalDate.now().plusDays(3).toString());
        future.put("quantity", -5);
        Problems.assertProblem(Fixtures.asSeller(listing.sellerId()).body(future)
                .post("/api/v1/products/{id}/batches", listing.productId()).then(), 400);
        given().get("/api/v1/products/{id}/batches", listing.productId()).then().statusCode(200)
                .body("$", hasSize(0));
    }

    private static Map<String, Object> batch() {
        Map<String, Object> body = new HashMap<>();
        body.put("harvestDate", "2024-04-02");
        body.put("quantity", 320.5);
        body.put("unit", "kg");
        body.put("qualityCertificateNo", "GAP-2024-0188");
        body.put("originVillageCode", Fixtures.VILLAGE);
        body.put("notes", "First flush, picked by hand");
        return body;
    }
}
