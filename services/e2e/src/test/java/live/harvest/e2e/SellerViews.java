package live.harvest.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import live.harvest.platform.security.Roles;
import live.harvest.testkit.ApiOperations;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every view a seller can read, enumerated from the committed OpenAPI documents (public operations and those
 * admitting the seller role), called with the seller's own token while one of their parcels waits at a pickup
 * point. The buyer's pickup code is their only proof at the pickup point, so no such view may contain it. A new
 * view is walked without anyone remembering to add it; a path parameter the walk cannot fill fails it loudly.
 */
final class SellerViews {

    static final List<String> SERVICES = List.of("catalog", "livestream", "orders", "logistics", "integrations");

    /** What one walk saw: every operation called, and every place the code showed up. */
    record Walk(List<String> called, List<String> leaks) {
    }

    private SellerViews() {
    }

    static Walk walk(Http http, String sellerToken, FlashSaleScenario.HeldForPickup held) {
        List<String> called = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        for (String service : SERVICES) {
            for (ApiOperations.Operation op : operations(service)) {
                if (!op.method().equals("GET") || !(op.roles().isEmpty() || op.roles().contains(Roles.SELLER))) {
                    continue;
                }
                String url = Marketplace.url(service) + fill(op, held.ids());
                String where = service + " " + op.name();
                called.add(where);
                if (op.path().endsWith("/feed")) {
                    try (FeedWatcher feed = new FeedWatcher(url)) {
                        // What a seller sees on connecting: the snapshot (offers, stock, counters) comes first.
                        Awaitility.await(where + " delivers its snapshot").atMost(Duration.ofSeconds(20))
                                .until(() -> feed.count("snapshot") > 0);
                        feed.events().forEach(e -> scan(where + " event " + e.type(), e.data(), held.pickupCode(), leaks));
                    }
                    continue;
                }
                Http.Reply reply = http.get(url, sellerToken);
                if (reply.status() != 200) {
                    leaks.add(where + " answered " + reply.status() + " to its own seller: " + reply.raw());
                }
                scan(where, reply.body(), held.pickupCode(), leaks);
            }
        }
        return new Walk(called, leaks);
    }

    private static List<ApiOperations.Operation> operations(String service) {
        try {
            return ApiOperations.of(service);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fill(ApiOperations.Operation op, Map<String, String> ids) {
        String path = op.path();
        for (String parameter : op.pathParameters()) {
            String value = ids.get(parameter);
            if (value == null) {
                throw new IllegalStateException(op.name() + " is readable by sellers; give the walk a value for {"
                        + parameter + "} (FlashSaleScenario.HeldForPickup ids)");
            }
            path = path.replace("{" + parameter + "}", value);
        }
        return path;
    }

    /** A field named pickupCode with a value, or any text equal to the code, anywhere in the document. */
    private static void scan(String where, JsonNode node, String code, List<String> leaks) {
        if (node == null) {
            return;
        }
        // Digits of their own (not part of a phone number, an id or a timestamp's fraction) are the code itself.
        if (node.isTextual() && Pattern.compile("(?<![\\d.])" + code + "(?!\\d)").matcher(node.asText()).find()) {
            leaks.add(where + " shows the code in \"" + node.asText() + "\"");
        }
        node.fields().forEachRemaining(field -> {
            if (field.getKey().equalsIgnoreCase("pickupCode") && !field.getValue().isNull()) {
                leaks.add(where + " has a pickupCode field");
            }
            scan(where, field.getValue(), code, leaks);
        });
        if (node.isArray()) {
            node.forEach(item -> scan(where, item, code, leaks));
        }
    }
}
