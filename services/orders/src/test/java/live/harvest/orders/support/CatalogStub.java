package live.harvest.orders.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import live.harvest.testkit.Tokens;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server standing in for catalog's two stock-reservation endpoints, because catalog is another
 * service and the orders tests start nothing outside this JVM. Tests program answers per SKU over HTTP
 * ({@code PUT /stub/skus/{skuId}}) and read what orders sent ({@code GET /stub/calls}), since the test and this
 * resource may live in different class loaders.
 */
public class CatalogStub implements QuarkusTestResourceLifecycleManager {

    private static final Pattern SKU = Pattern.compile("\"skuId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern ORDER = Pattern.compile("\"orderId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern BUYER = Pattern.compile("\"buyerId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern QUANTITY = Pattern.compile("\"quantity\"\\s*:\\s*(\\d+)");

    private record Answer(int status, String body) {
    }

    private HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/stub/skus/", this::program);
        server.createContext("/stub/calls", exchange -> respond(exchange, 200, "application/json",
                "[" + String.join(",", calls) + "]"));
        server.createContext("/api/v1/stock/reservations", this::reservations);
        server.start();
        return Map.of("catalog.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void program(HttpExchange exchange) throws IOException {
        String skuId = exchange.getRequestURI().getPath().substring("/stub/skus/".length());
        int status = Integer.parseInt(exchange.getRequestHeaders().getFirst("X-Stub-Status"));
        answers.put(skuId, new Answer(status, read(exchange)));
        respond(exchange, 204, null, "");
    }

    private void reservations(HttpExchange exchange) throws IOException {
        String body = read(exchange);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String path = exchange.getRequestURI().getPath();
        String orderId = "DELETE".equals(exchange.getRequestMethod())
                ? path.substring(path.lastIndexOf('/') + 1) : group(ORDER, body);
        calls.add("{\"method\":\"" + exchange.getRequestMethod() + "\",\"orderId\":\"" + orderId
                + "\",\"skuId\":\"" + group(SKU, body) + "\",\"buyerId\":\"" + group(BUYER, body)
                + "\",\"caller\":\"" + Tokens.claimsOf(auth).path("azp").asText()
                + "\",\"callerIsService\":\"" + Tokens.isServiceToken(auth, "harvest-orders") + "\"}");
        if ("DELETE".equals(exchange.getRequestMethod())) {
            respond(exchange, 204, null, "");
            return;
        }
        String sku = group(SKU, body);
        Answer answer = answers.get(sku);
        if (answer == null) {
            respond(exchange, 404, "application/problem+json",
                    "{\"type\":\"https://harvest.live/problems/not-found\",\"status\":404}");
            return;
        }
        String filled = answer.body().replace("${orderId}", group(ORDER, body))
                .replace("\"${quantity}\"", group(QUANTITY, body));
        respond(exchange, answer.status(), answer.status() < 300 ? "application/json" : "application/problem+json",
                filled);
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : "";
    }

    private static String read(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            exchange.getResponseHeaders().add("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
