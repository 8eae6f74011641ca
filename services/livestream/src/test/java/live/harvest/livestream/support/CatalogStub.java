package live.harvest.livestream.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.eclipse.microprofile.config.ConfigProvider;

import live.harvest.testkit.Tokens;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stub of ANOTHER service's API: catalog's {@code GET /api/v1/sellers/{id}} and
 * {@code POST /api/v1/skus/{skuId}/allocations}, served over real HTTP on a random port, because catalog is not
 * running in livestream's tests. It follows the published contract (owner check from the token's seller_id,
 * 409 insufficient-stock, idempotent by offerId) and records every allocation call. Tests arrange and inspect
 * it over HTTP too ({@code /__stub/...}), so it works whatever class loader a test runs in.
 * Everything livestream owns (PostgreSQL, Redis, Kafka) is real.
 */
public class CatalogStub implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Map<String, ObjectNode> sellers = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> skus = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> allocations = new ConcurrentHashMap<>();
    private final ArrayNode calls = JSON.createArrayNode();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        return Map.of("catalog.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    // ---- helpers used by tests -----------------------------------------------------------------------------

    public static void givenSeller(UUID sellerId, boolean verified, String homeCountyCode) {
        control("PUT", "/__stub/sellers/" + sellerId, Map.of("verified", verified, "homeCountyCode", homeCountyCode));
    }

    /** A SKU of {@code sellerId}'s product with {@code onHand} units. */
    public static void givenSku(UUID skuId, UUID sellerId, int onHand) {
        control("PUT", "/__stub/skus/" + skuId, Map.of("sellerId", sellerId.toString(), "onHand", onHand,
                "productId", UUID.nameUUIDFromBytes(skuId.toString().getBytes()).toString()));
    }

    /** Every allocation call made for the SKU, in order: {offerId, quantity, status, caller, callerIsService}. */
    public static JsonNode allocationCalls(UUID skuId) {
        return control("GET", "/__stub/calls/" + skuId, null);
    }

    private static JsonNode control(String method, String path, Object body) {
        try {
            String base = ConfigProvider.getConfig().getValue("catalog.url", String.class);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.body().isEmpty() ? null : JSON.readTree(response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("Catalog stub unreachable", e);
        }
    }

    // ---- the stub server -----------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] path = exchange.getRequestURI().getPath().split("/");
            String method = exchange.getRequestMethod();
            if (path.length == 4 && path[1].equals("__stub") && method.equals("PUT")) {
                ObjectNode body = (ObjectNode) JSON.readTree(exchange.getRequestBody());
                (path[2].equals("sellers") ? sellers : skus).put(path[3], body);
                respond(exchange, 204, null);
            } else if (path.length == 4 && path[2].equals("calls")) {
                ArrayNode matching = JSON.createArrayNode();
                synchronized (calls) {
                    calls.forEach(call -> {
                        if (call.path("skuId").asText().equals(path[3])) {
                            matching.add(call);
                        }
                    });
                }
                respond(exchange, 200, matching);
            } else if (path.length == 5 && path[3].equals("sellers") && method.equals("GET")) {
                seller(exchange, path[4]);
            } else if (path.length == 6 && path[3].equals("skus") && path[5].equals("allocations")) {
                allocate(exchange, path[4]);
            } else {
                respond(exchange, 404, problem(404, "not-found"));
            }
        }
    }

    private void seller(HttpExchange exchange, String sellerId) throws IOException {
        ObjectNode seller = sellers.get(sellerId);
        if (seller == null) {
            respond(exchange, 404, problem(404, "not-found"));
            return;
        }
        ObjectNode body = JSON.createObjectNode().put("sellerId", sellerId).put("displayName", "Seller " + sellerId)
                .put("kind", "FARMER").put("homeCountyCode", seller.path("homeCountyCode").asText())
                .put("homeTownshipCode", seller.path("homeCountyCode").asText() + "100")
                .put("verified", seller.path("verified").asBoolean());
        respond(exchange, 200, body);
    }

    private void allocate(HttpExchange exchange, String skuId) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String offerId = request.path("offerId").asText();
        int quantity = request.path("quantity").asInt();
        ObjectNode sku = skus.get(skuId);
        int status;
        JsonNode body;
        synchronized (this) {
            if (sku == null) {
                status = 404;
                body = problem(404, "not-found");
            } else if (!Tokens.isServiceToken(auth, "harvest-livestream")
                    || !sku.path("sellerId").asText().equals(request.path("sellerId").asText())) {
                status = 403;
                body = problem(403, "forbidden");
            } else if (allocations.containsKey(offerId)) {
                status = 200;
                body = allocations.get(offerId);
            } else if (sku.path("onHand").asInt() < quantity) {
                status = 409;
                body = problem(409, "insufficient-stock");
            } else {
                int onHandAfter = sku.path("onHand").asInt() - quantity;
                sku.put("onHand", onHandAfter);
                ObjectNode allocation = JSON.createObjectNode().put("offerId", offerId).put("skuId", skuId)
                        .put("productId", sku.path("productId").asText())
                        .put("sellerId", sku.path("sellerId").asText()).put("sellerCountyCode", "330127")
                        .put("title", "West Lake Longjing tea").put("spec", "250 g tin").put("priceFen", 12800)
                        .put("currency", "CNY").put("temperatureClass", "AMBIENT")
                        .put("traceCode", "TRC-" + skuId.substring(0, 8)).put("quantity", quantity)
                        .put("onHandAfter", onHandAfter);
                allocations.put(offerId, allocation);
                status = 201;
                body = allocation;
            }
        }
        synchronized (calls) {
            calls.add(JSON.createObjectNode().put("skuId", skuId).put("offerId", offerId).put("quantity", quantity)
                    .put("status", status).put("caller", Tokens.claimsOf(auth).path("azp").asText())
                    .put("callerIsService", Tokens.isServiceToken(auth, "harvest-livestream")));
        }
        respond(exchange, status, body);
    }

    private static JsonNode problem(int status, String slug) {
        return JSON.createObjectNode().put("type", "https://harvest.live/problems/" + slug).put("title", slug)
                .put("status", status);
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
