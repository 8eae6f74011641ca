package live.harvest.orders.support;

import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Programs the {@link CatalogStub} per SKU and reads back what orders asked it, over the stub's HTTP side (the stub
 * may live in another class loader than the test).
 */
public final class CatalogAnswers {

    private CatalogAnswers() {
    }

    /** From now on catalog answers reservations of {@code sku} with this status and body. */
    public static void answer(UUID sku, int status, String body) {
        given().header("X-Stub-Status", status).body(body).put(url() + "/stub/skus/" + sku).then().statusCode(204);
    }

    /** Catalog reserves {@code sku} for any order, at this price, with the quantity asked for. */
    public static void reserves(UUID sku, UUID seller, long priceFen) {
        answer(sku, 201, "{\"orderId\":\"${orderId}\",\"skuId\":\"" + sku + "\",\"productId\":\"" + UUID.randomUUID()
                + "\",\"sellerId\":\"" + seller + "\",\"sellerCountyCode\":\"330127\",\"title\":\"Chilled lake fish\","
                + "\"spec\":\"1 kg\",\"unitPriceFen\":" + priceFen + ",\"currency\":\"CNY\","
                + "\"temperatureClass\":\"CHILLED\",\"traceCode\":\"TR-B-7\",\"quantity\":\"${quantity}\"}");
    }

    /** Catalog refuses reservations of {@code sku} with this problem. */
    public static void refuses(UUID sku, int status, String slug, String detail) {
        answer(sku, status, "{\"type\":\"https://harvest.live/problems/" + slug + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }

    /** Every call orders made to catalog's reservation endpoints, oldest first. */
    public static List<Map<String, String>> calls() {
        return given().get(url() + "/stub/calls").then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** The calls that named {@code sku} (reservations; a DELETE names only its order). */
    public static List<Map<String, String>> callsFor(UUID sku) {
        return calls().stream().filter(call -> sku.toString().equals(call.get("skuId"))).toList();
    }

    /** The compensating DELETEs orders sent for {@code orderId}. */
    public static List<Map<String, String>> releasesOf(String orderId) {
        return calls().stream()
                .filter(call -> "DELETE".equals(call.get("method")) && orderId.equals(call.get("orderId"))).toList();
    }

    private static String url() {
        return ConfigProvider.getConfig().getValue("catalog.url", String.class);
    }
}
