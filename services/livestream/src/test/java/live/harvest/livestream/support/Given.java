package live.harvest.livestream.support;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import live.harvest.testkit.Tokens;
import live.harvest.testkit.catalog.CatalogDouble;
import live.harvest.testkit.catalog.Sku;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Test data through the public API (and the catalog double), each call with fresh random ids. */
public final class Given {

    public static final String COUNTY = "330127";

    private Given() {
    }

    public static UUID verifiedSeller() {
        UUID sellerId = UUID.randomUUID();
        CatalogDouble.givenSeller(sellerId, true, COUNTY);
        return sellerId;
    }

    public static Map<String, Object> streamRequest(String category) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Spring tea harvest live");
        body.put("plannedStart", Instant.now().plus(1, ChronoUnit.HOURS).toString());
        body.put("coverImageUrl", "https://img.harvest.live/cover.jpg");
        body.put("featuredProductIds", List.of(UUID.randomUUID().toString()));
        body.put("category", category);
        return body;
    }

    public static Response schedule(UUID sellerId, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.seller(sellerId)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/streams");
    }

    public static UUID scheduledStream(UUID sellerId) {
        return UUID.fromString(schedule(sellerId, streamRequest("tea")).then().statusCode(201)
                .extract().path("id"));
    }

    public static Response act(UUID sellerId, UUID streamId, String action) {
        // cancel takes an optional reason in a JSON body; start and end take none
        return given().auth().oauth2(Tokens.seller(sellerId)).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/streams/" + streamId + "/" + action);
    }

    public static UUID liveStream(UUID sellerId) {
        UUID streamId = scheduledStream(sellerId);
        act(sellerId, streamId, "start").then().statusCode(200);
        return streamId;
    }

    public static UUID sku(UUID sellerId, int onHand) {
        UUID skuId = UUID.randomUUID();
        CatalogDouble.givenSku(Sku.tea(skuId, sellerId, onHand));
        return skuId;
    }

    public static Map<String, Object> offerRequest(UUID skuId, long priceFen, int quantity, int perBuyerLimit) {
        Map<String, Object> body = new HashMap<>();
        body.put("skuId", skuId.toString());
        body.put("priceFen", priceFen);
        body.put("quantity", quantity);
        body.put("perBuyerLimit", perBuyerLimit);
        return body;
    }

    public static Response openOffer(UUID sellerId, UUID streamId, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.seller(sellerId)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/streams/" + streamId + "/offers");
    }

    /** Opens an offer of {@code quantity} units (limit 5) on a fresh SKU with plenty of stock; returns its id. */
    public static UUID offer(UUID sellerId, UUID streamId, int quantity) {
        UUID skuId = sku(sellerId, 10_000);
        return UUID.fromString(openOffer(sellerId, streamId, offerRequest(skuId, 9_900, quantity, 5))
                .then().statusCode(201).extract().path("id"));
    }
}
