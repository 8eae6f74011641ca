package live.harvest.catalog.product;

import io.quarkus.test.junit.QuarkusTest;
import live.harvest.catalog.Fixtures;
import live.harvest.platform.event.EventEnvelope;
import live.harvest.platform.event.Topics;
import live.harvest.platform.event.catalog.CatalogEvents.ProductListed;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Problems;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ProductLifecycleTest {

    @Test
    void anUnverifiedSellerCannotListAProduct() {
        // Given an unverified seller's draft with a priced SKU
        UUID sellerId = Fixtures.seller(false);
        UUID productId = Fixtures.draft(sellerId, Fixtures.product("Unverified tea"));
        Fixtures.sku(sellerId, productId, 5000, 10);
        // When they try to list it
        Problems.assertProblem(Fixtures.asSeller(sellerId).post("/api/v1/products/{id}/activation", productId)
                .then(), 409).body("type", equalTo("https://harvest.live/problems/seller-not-verified"));
        // Then it stays a draft, invisible to the public
        Fixtures.asSeller(sellerId).get("/api/v1/products/{id}", productId).then().body("status", equalTo("DRAFT"));
        Problems.assertProblem(given().get("/api/v1/products/{id}", productId).then(), 404);
    }

    @Test
    void aProductWithoutSkusCannotBeListed() {
        UUID sellerId = Fixtures.seller(true);
        UUID productId = Fixtures.draft(sellerId, Fixtures.product("No SKU tea"));
        Problems.assertProblem(Fixtures.asSeller(sellerId).post("/api/v1/products/{id}/activation", productId)
                .then(), 409).body("type", equalTo("https://harvest.live/problems/no-priced-sku"));
    }

    @Test
    void listingAProductMakesItPublicAndEmitsProductListed() {
        try (KafkaProbe catalog = KafkaProbe.watch(Topics.CATALOG)) {
            // Given a verified seller's draft with a SKU
            UUID sellerId = Fixtures.seller(true);
            Map<String, Object> body = Fixtures.product("West Lake Longjing " + UUID.randomUUID());
            body.put("geographicalIndication", Map.of("name", "West Lake Longjing", "registrationNo", "AGI-00101"));
            UUID productId = Fixtures.draft(sellerId, body);
            UUID skuId = Fixtures.sku(sellerId, productId, 16800, 100);
            // When it is activated
            Fixtures.asSeller(sellerId).post("/api/v1/products/{id}/activation", productId)
                    .then().statusCode(200).body("status", equalTo("ACTIVE"));
            // Then anyone can read it
            given().get("/api/v1/products/{id}", productId).then().statusCode(200)
                    .body("geographicalIndication.registrationNo", equalTo("AGI-00101"))
                    .body("skus[0].priceFen", equalTo(16800));
            // and ProductListed went out with its SKU
            EventEnvelope event = catalog.awaitEvent("catalog.product-listed",
                    e -> productId.toString().equals(e.aggregateId()));
            ProductListed listed = KafkaProbe.payload(event, ProductListed.class);
            assertEquals("TEA", listed.category());
            assertEquals("West Lake Longjing", listed.giName());
            assertEquals(skuId, listed.skus().get(0).skuId());
        }
    }

    @Test
    void editingAndDelistingEmitTheirEvents() {
        try (KafkaProbe catalog = KafkaProbe.watch(Topics.CATALOG)) {
            // Given a listed product
            Fixtures.Listing listing = Fixtures.listing(9900, 5);
            // When its seller renames it
            Map<String, Object> body = Fixtures.product("Renamed tea");
            Fixtures.asSeller(listing.sellerId()).body(body).put("/api/v1/products/{id}", listing.productId())
                    .then().statusCode(200).body("title", equalTo("Renamed tea"));
            catalog.awaitEvent("catalog.product-updated", e -> listing.productId().toString().equals(e.aggregateId())
                    && "Renamed tea".equals(e.payload().path("title").asText()));
            // and changes a SKU's price
            Fixtures.asSeller(listing.sellerId())
                    .body(Map.of("spec", "500 g tin", "netWeightGrams", 500, "priceFen", 18800))
                    .put("/api/v1/skus/{id}", listing.skuId()).then().statusCode(200).body("priceFen", equalTo(18800));
            catalog.awaitEvent("catalog.product-updated", e -> listing.productId().toString().equals(e.aggregateId())
                    && e.payload().path("skus").path(0).path("priceFen").asLong() == 18800);
            // and delists it
            Fixtures.asSeller(listing.sellerId()).post("/api/v1/products/{id}/delisting", listing.productId())
                    .then().statusCode(200).body("status", equalTo("DELISTED"));
            catalog.awaitEvent("catalog.product-delisted", e -> listing.productId().toString().equals(e.aggregateId()));
            // Then the public no longer sees it, while the seller still does among their own products
            Problems.assertProblem(given().get("/api/v1/products/{id}", listing.productId()).then(), 404);
            Fixtures.asSeller(listing.sellerId()).get("/api/v1/sellers/me/products?status=DELISTED")
                    .then().statusCode(200).body("items.productId", hasItem(listing.productId().toString()));
        }
    }

    @Test
    void sellersSeeTheirOwnDraftsOnly() {
        UUID sellerId = Fixtures.seller(false);
        UUID productId = Fixtures.draft(sellerId, Fixtures.product("My draft"));
        Fixtures.asSeller(sellerId).get("/api/v1/sellers/me/products").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].productId", equalTo(productId.toString()));
        Fixtures.asSeller(Fixtures.seller(false)).get("/api/v1/sellers/me/products").then().statusCode(200)
                .body("items.productId", not(hasItem(productId.toString())));
        Problems.assertProblem(Fixtures.asSeller(UUID.randomUUID()).get("/api/v1/products/{id}", productId).then(), 404);
    }

    @Test
    void putWithClientChosenIdsCreatesOnceThenReplaces() {
        // Given a seller and ids chosen by the client (as the demo script does)
        UUID sellerId = Fixtures.seller(true);
        UUID productId = UUID.randomUUID();
        UUID skuId = UUID.randomUUID();
        // When the product and SKU are PUT twice
        Fixtures.asSeller(sellerId).body(Fixtures.product("Chun'an wild honey"))
                .put("/api/v1/products/{id}", productId).then().statusCode(201).body("status", equalTo("DRAFT"));
        Fixtures.asSeller(sellerId).body(Fixtures.product("Chun'an wild honey"))
                .put("/api/v1/products/{id}", productId).then().statusCode(200);
        Map<String, Object> sku = Map.of("spec", "500 g jar", "netWeightGrams", 500, "priceFen", 6800,
                "initialStock", 30);
        Fixtures.asSeller(sellerId).body(sku).put("/api/v1/products/{p}/skus/{s}", productId, skuId)
                .then().statusCode(201).body("onHand", equalTo(30));
        // Then a second PUT of the SKU may not touch stock, which moves only through the ledger
        Problems.assertProblem(Fixtures.asSeller(sellerId).body(sku)
                .put("/api/v1/products/{p}/skus/{s}", productId, skuId).then(), 400)
                .body("type", equalTo("https://harvest.live/problems/stock-via-ledger"));
        Fixtures.asSeller(sellerId).get("/api/v1/products/{id}", productId).then()
                .body("skus[0].skuId", equalTo(skuId.toString())).body("skus[0].onHand", equalTo(30));
        // and another seller cannot take the id over
        Problems.assertProblem(Fixtures.asSeller(Fixtures.seller(true)).body(Fixtures.product("Mine now"))
                .put("/api/v1/products/{id}", productId).then(), 403);
    }
}
