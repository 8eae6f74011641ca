package live.harvest.catalog;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import live.harvest.testkit.Tokens;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;

/** Builds test data through the public API, each call with fresh random ids. */
public final class Fixtures {

    public static final String COUNTY = "330127";
    public static final String TOWNSHIP = "330127100";
    public static final String VILLAGE = "330127100201";

    private Fixtures() {
    }

    public static RequestSpecification asSeller(UUID sellerId) {
        return given().auth().oauth2(Tokens.seller(sellerId)).contentType(ContentType.JSON);
    }

    public static RequestSpecification asAdmin() {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON);
    }

    public static RequestSpecification asConsumer(UUID buyerId) {
        return given().auth().oauth2(Tokens.consumer(buyerId)).contentType(ContentType.JSON);
    }

    /** Another of our services calling as itself (e.g. {@code harvest-orders}), as the internal endpoints require. */
    public static RequestSpecification asService(String clientId) {
        return given().auth().oauth2(Tokens.service(clientId)).contentType(ContentType.JSON);
    }

    public static Map<String, Object> profile() {
        Map<String, Object> body = new HashMap<>();
        body.put("displayName", "Farmer Li");
        body.put("kind", "FARMER");
        body.put("homeCountyCode", COUNTY);
        body.put("homeTownshipCode", TOWNSHIP);
        body.put("contactPhone", "+86 138 0000 1234");
        body.put("bio", "Tea grower on the lake shore");
        return body;
    }

    /** A seller with a profile, verified by an admin unless told otherwise. */
    public static UUID seller(boolean verified) {
        UUID sellerId = UUID.randomUUID();
        asSeller(sellerId).body(profile()).put("/api/v1/sellers/me").then().statusCode(201);
        if (verified) {
            asAdmin().body(Map.of("verified", true, "note", "id checked"))
                    .post("/api/v1/sellers/{id}/verification", sellerId).then().statusCode(200);
        }
        return sellerId;
    }

    public static Map<String, Object> product(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("description", "Hand-picked before Qingming on the hills above Qiandao Lake");
        body.put("category", "TEA");
        body.put("originCountyCode", COUNTY);
        body.put("originTownshipCode", TOWNSHIP);
        body.put("grade", "Premium");
        body.put("temperatureClass", "AMBIENT");
        body.put("shelfLifeDays", 365);
        body.put("imageUrls", List.of("https://img.harvest.live/tea.jpg"));
        return body;
    }

    public static UUID draft(UUID sellerId, Map<String, Object> body) {
        return UUID.fromString(asSeller(sellerId).body(body).post("/api/v1/products")
                .then().statusCode(201).extract().path("productId"));
    }

    public static UUID sku(UUID sellerId, UUID productId, long priceFen, long initialStock) {
        return UUID.fromString(asSeller(sellerId)
                .body(Map.of("spec", "250 g tin", "netWeightGrams", 250, "priceFen", priceFen,
                        "initialStock", initialStock))
                .post("/api/v1/products/{id}/skus", productId).then().statusCode(201).extract().path("skuId"));
    }

    public static void activate(UUID sellerId, UUID productId) {
        asSeller(sellerId).post("/api/v1/products/{id}/activation", productId).then().statusCode(200);
    }

    /** A verified seller's active product with one SKU; returns {sellerId, productId, skuId}. */
    public static Listing listing(long priceFen, long stock) {
        UUID sellerId = seller(true);
        UUID productId = draft(sellerId, product("Longjing " + UUID.randomUUID()));
        UUID skuId = sku(sellerId, productId, priceFen, stock);
        activate(sellerId, productId);
        return new Listing(sellerId, productId, skuId);
    }

    public record Listing(UUID sellerId, UUID productId, UUID skuId) {
    }

    public static long onHand(Listing listing) {
        return ((Number) asSeller(listing.sellerId()).get("/api/v1/skus/{id}/ledger", listing.skuId())
                .then().statusCode(200).extract().path("onHand")).longValue();
    }

    /** Makes {@code count} calls released at the same moment, one thread each, and returns every answer in order. */
    public static List<Response> atOnce(int count, Supplier<Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return call.get();
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : calls) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }
}
