package live.harvest.testkit.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import live.harvest.platform.security.Caller;
import live.harvest.platform.security.Roles;
import live.harvest.testkit.Tokens;
import live.harvest.testkit.catalog.CatalogMemory.AllocationRequest;
import live.harvest.testkit.catalog.CatalogMemory.Answer;
import live.harvest.testkit.catalog.CatalogMemory.Refusal;
import live.harvest.testkit.catalog.CatalogMemory.ReservationRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Catalog's API as livestream and orders call it, served over real HTTP on a random port while catalog itself is not
 * running: sellers ({@code GET /api/v1/sellers/{id}}), allocations to live offers and reservations of regular
 * listings with their release. Start it with {@code @WithTestResource(CatalogDouble.class)}; it sets
 * {@code catalog.url}. Every request body is checked against openapi/catalog.yaml before it is served (a
 * non-conforming one gets catalog's 400), and {@code CatalogDoubleContractTest} holds its answers to the same
 * document. Tests arrange and inspect it with the static methods below.
 */
public class CatalogDouble implements QuarkusTestResourceLifecycleManager {

    /** The operations of openapi/catalog.yaml the double serves. */
    public static final List<String> OPERATIONS = List.of("GET /api/v1/sellers/{sellerId}",
            "POST /api/v1/skus/{skuId}/allocations", "POST /api/v1/stock/reservations",
            "DELETE /api/v1/stock/reservations/{orderId}");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CatalogMemory memory = new CatalogMemory();
    private final List<StockCall> calls = new CopyOnWriteArrayList<>();
    private OpenApiBodies contract;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        contract = OpenApiBodies.of("catalog");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        return Map.of("catalog.url", url());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    // ---- arrange and inspect, for the running Quarkus test ----------------------------------------------------

    public static void givenSeller(UUID sellerId, boolean verified, String homeCountyCode) {
        CatalogControl.ofTheRunningTest().givenSeller(sellerId, verified, homeCountyCode);
    }

    /** Lists the SKU (replacing it, and lifting any refusal programmed for it). */
    public static void givenSku(Sku sku) {
        CatalogControl.ofTheRunningTest().givenSku(sku);
    }

    /** From now on every allocation or reservation of the SKU is refused with this problem. */
    public static void refuses(UUID skuId, int status, String slug, String detail) {
        CatalogControl.ofTheRunningTest().refuses(skuId, status, slug, detail);
    }

    /** The allocations and reservations that named the SKU, oldest first. */
    public static List<StockCall> callsFor(UUID skuId) {
        return CatalogControl.ofTheRunningTest().calls().stream().filter(call -> skuId.equals(call.skuId())).toList();
    }

    /** The releases ({@code DELETE}) sent for the order. */
    public static List<StockCall> releasesOf(UUID orderId) {
        return CatalogControl.ofTheRunningTest().calls().stream()
                .filter(call -> call.isRelease() && orderId.equals(call.orderId())).toList();
    }

    // ---- the server -----------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith(CatalogControl.PREFIX)) {
                control(exchange, path.substring(CatalogControl.PREFIX.length()).split("/"));
                return;
            }
            for (String operation : OPERATIONS) {
                String[] methodAndTemplate = operation.split(" ");
                Map<String, String> parameters = match(methodAndTemplate[1], path);
                if (parameters != null && methodAndTemplate[0].equals(exchange.getRequestMethod())) {
                    respond(exchange, serve(exchange, methodAndTemplate[0], methodAndTemplate[1], parameters));
                    return;
                }
            }
            respond(exchange, Answer.problem(404, "not-found", "The catalog double serves no " + path));
        }
    }

    private Answer serve(HttpExchange exchange, String method, String template, Map<String, String> parameters)
            throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        JsonNode body = bytes.length == 0 ? null : readOrNull(bytes);
        Answer answer = answer(exchange, method, template, parameters, auth, body);
        if (contract.isSecured(method, template)) {
            JsonNode claims = Tokens.claimsOf(auth);
            calls.add(new StockCall(method, uuid(parameters.getOrDefault("skuId", text(body, "skuId"))),
                    uuid(text(body, "offerId")), uuid(parameters.getOrDefault("orderId", text(body, "orderId"))),
                    uuid(text(body, "buyerId")), body == null ? 0 : body.path("quantity").asInt(),
                    answer.status(), claims.path(Caller.CLIENT_ID).asText(), isService(claims)));
        }
        return answer;
    }

    /** Catalog's order of judgement: the token, then the body against the contract, then the rules. */
    private Answer answer(HttpExchange exchange, String method, String template, Map<String, String> parameters,
                          String auth, JsonNode body) {
        if (contract.isSecured(method, template)) {
            if (auth == null || !auth.startsWith("Bearer ")) {
                return Answer.problem(401, "unauthorized", "A bearer token is required");
            }
            if (!isService(Tokens.claimsOf(auth))) {
                return Answer.problem(403, "forbidden", "Only a service may call " + template);
            }
        }
        if (contract.readsJsonBody(method, template)) {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.startsWith("application/json")) {
                return Answer.problem(415, "unsupported-media-type", "The body must be application/json");
            }
            if (body == null) {
                return Answer.problem(400, "malformed-body", "The body is not JSON");
            }
            List<String> violations = contract.requestViolations(method, template, body);
            if (!violations.isEmpty()) {
                return Answer.problem(400, "validation", String.join("; ", violations));
            }
        }
        return switch (method + " " + template) {
            case "GET /api/v1/sellers/{sellerId}" -> memory.seller(UUID.fromString(parameters.get("sellerId")));
            case "POST /api/v1/skus/{skuId}/allocations" ->
                    memory.allocate(UUID.fromString(parameters.get("skuId")), read(body, AllocationRequest.class));
            case "POST /api/v1/stock/reservations" -> memory.reserve(read(body, ReservationRequest.class));
            default -> memory.release(UUID.fromString(parameters.get("orderId")));
        };
    }

    private void control(HttpExchange exchange, String[] path) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        switch (path[0]) {
            case "sellers" -> {
                JsonNode seller = JSON.readTree(body);
                memory.putSeller(UUID.fromString(path[1]), seller.path("verified").asBoolean(),
                        seller.path("homeCountyCode").asText());
            }
            case "skus" -> memory.putSku(JSON.readValue(body, Sku.class));
            case "refusals" -> memory.refuse(UUID.fromString(path[1]), JSON.readValue(body, Refusal.class));
            case "calls" -> {
                respond(exchange, new Answer(200, JSON.valueToTree(calls), null));
                return;
            }
            default -> {
                respond(exchange, Answer.problem(404, "not-found", "No control path " + String.join("/", path)));
                return;
            }
        }
        respond(exchange, new Answer(204, null, null));
    }

    /** The path parameters when {@code path} fits {@code template}, else null. */
    private static Map<String, String> match(String template, String path) {
        String[] expected = template.split("/");
        String[] actual = path.split("/");
        if (expected.length != actual.length) {
            return null;
        }
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < expected.length; i++) {
            if (expected[i].startsWith("{")) {
                parameters.put(expected[i].substring(1, expected[i].length() - 1), actual[i]);
            } else if (!expected[i].equals(actual[i])) {
                return null;
            }
        }
        boolean uuids = parameters.values().stream().allMatch(value -> uuid(value) != null);
        return uuids ? parameters : null;
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
        if (answer.location() != null) {
            exchange.getResponseHeaders().set("Location", answer.location());
        }
        if (answer.body() == null) {
            exchange.sendResponseHeaders(answer.status(), -1);
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(answer.body());
        exchange.getResponseHeaders().set("Content-Type",
                answer.status() >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static boolean isService(JsonNode claims) {
        for (JsonNode group : claims.path("groups")) {
            if (Roles.SERVICE.equals(group.asText())) {
                return true;
            }
        }
        return false;
    }

    private static <T> T read(JsonNode body, Class<T> type) {
        return JSON.convertValue(body, type);
    }

    private static JsonNode readOrNull(byte[] bytes) {
        try {
            return JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String text(JsonNode body, String field) {
        return body == null ? null : body.path(field).asText(null);
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}
