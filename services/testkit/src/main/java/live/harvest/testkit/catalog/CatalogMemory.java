package live.harvest.testkit.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the catalog double knows and the rules it answers by, the ones catalog publishes in openapi/catalog.yaml and
 * its {@code StockResource}: the seller named in an allocation must own the SKU, stock never goes below zero
 * (409 {@code insufficient-stock}), an allocation is idempotent per offerId and a reservation per (orderId, skuId),
 * a release gives back every unit the order reserved. A refusal a test programmed for a SKU comes first: the test
 * says what catalog decided. One lock, because tests are not a load test.
 */
final class CatalogMemory {

    record AllocationRequest(UUID offerId, UUID sellerId, int quantity) {
    }

    record ReservationRequest(UUID orderId, UUID buyerId, UUID skuId, int quantity) {
    }

    /** A problem a test told the double to answer for every stock call naming the SKU. */
    record Refusal(int status, String slug, String detail) {
    }

    /** What the double answers; {@code body} null for none. */
    record Answer(int status, JsonNode body, String location) {

        static Answer problem(int status, String slug, String detail) {
            ObjectNode problem = JSON.createObjectNode().put("type", "https://harvest.live/problems/" + slug)
                    .put("title", slug).put("status", status);
            if (detail != null) {
                problem.put("detail", detail);
            }
            return new Answer(status, problem, null);
        }
    }

    private record Reserved(ReservationRequest request, JsonNode answer, boolean released) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<UUID, ObjectNode> sellers = new HashMap<>();
    private final Map<UUID, Sku> skus = new HashMap<>();
    private final Map<UUID, Refusal> refusals = new HashMap<>();
    private final Map<UUID, JsonNode> allocations = new HashMap<>();
    private final Map<List<UUID>, Reserved> reservations = new HashMap<>();

    synchronized void putSeller(UUID sellerId, boolean verified, String homeCountyCode) {
        sellers.put(sellerId, JSON.createObjectNode().put("sellerId", sellerId.toString())
                .put("displayName", "Seller " + sellerId).put("kind", "FARMER")
                .put("homeCountyCode", homeCountyCode).put("homeTownshipCode", homeCountyCode + "100")
                .put("verified", verified));
    }

    /** Lists the SKU anew, which also lifts any refusal programmed for it. */
    synchronized void putSku(Sku sku) {
        skus.put(sku.skuId(), sku);
        refusals.remove(sku.skuId());
    }

    synchronized void refuse(UUID skuId, Refusal refusal) {
        refusals.put(skuId, refusal);
    }

    synchronized Answer seller(UUID sellerId) {
        ObjectNode seller = sellers.get(sellerId);
        return seller == null ? Answer.problem(404, "not-found", "Seller " + sellerId + " not found")
                : new Answer(200, seller, null);
    }

    synchronized Answer allocate(UUID skuId, AllocationRequest request) {
        Refusal refusal = refusals.get(skuId);
        if (refusal != null) {
            return Answer.problem(refusal.status(), refusal.slug(), refusal.detail());
        }
        Sku sku = skus.get(skuId);
        if (sku == null) {
            return Answer.problem(404, "not-found", "SKU " + skuId + " not found");
        }
        if (!sku.sellerId().equals(request.sellerId())) {
            return Answer.problem(403, "forbidden", "SKU " + skuId + " belongs to another seller");
        }
        String ledger = "/api/v1/skus/" + skuId + "/ledger";
        JsonNode earlier = allocations.get(request.offerId());
        if (earlier != null) {
            return new Answer(200, earlier, ledger);
        }
        if (sku.onHand() < request.quantity()) {
            return insufficient(sku, request.quantity());
        }
        Sku after = take(sku, request.quantity());
        ObjectNode allocation = facts(after).put("offerId", request.offerId().toString())
                .put("priceFen", sku.priceFen()).put("quantity", request.quantity()).put("onHandAfter", after.onHand());
        allocations.put(request.offerId(), allocation);
        return new Answer(201, allocation, ledger);
    }

    synchronized Answer reserve(ReservationRequest request) {
        Refusal refusal = refusals.get(request.skuId());
        if (refusal != null) {
            return Answer.problem(refusal.status(), refusal.slug(), refusal.detail());
        }
        Sku sku = skus.get(request.skuId());
        if (sku == null) {
            return Answer.problem(404, "not-found", "SKU " + request.skuId() + " not found");
        }
        String location = "/api/v1/stock/reservations/" + request.orderId();
        Reserved earlier = reservations.get(List.of(request.orderId(), request.skuId()));
        if (earlier != null) {
            if (!earlier.request().buyerId().equals(request.buyerId())) {
                return Answer.problem(403, "forbidden", "Order " + request.orderId() + " belongs to another buyer");
            }
            if (earlier.request().quantity() != request.quantity() || earlier.released()) {
                return Answer.problem(409, "reservation-mismatch", "Order " + request.orderId()
                        + " already has a reservation of " + earlier.request().quantity() + " units");
            }
            return new Answer(200, earlier.answer(), location);
        }
        if (sku.onHand() < request.quantity()) {
            return insufficient(sku, request.quantity());
        }
        ObjectNode reservation = facts(take(sku, request.quantity())).put("orderId", request.orderId().toString())
                .put("unitPriceFen", sku.priceFen()).put("quantity", request.quantity());
        reservations.put(List.of(request.orderId(), request.skuId()), new Reserved(request, reservation, false));
        return new Answer(201, reservation, location);
    }

    /** Gives back what the order still holds; 404 when it never reserved anything, repeating it changes nothing. */
    synchronized Answer release(UUID orderId) {
        List<Map.Entry<List<UUID>, Reserved>> lines = reservations.entrySet().stream()
                .filter(line -> line.getKey().get(0).equals(orderId)).toList();
        if (lines.isEmpty()) {
            return Answer.problem(404, "not-found", "Reservation for order " + orderId + " not found");
        }
        for (Map.Entry<List<UUID>, Reserved> line : lines) {
            Reserved reserved = line.getValue();
            if (!reserved.released()) {
                Sku sku = skus.get(reserved.request().skuId());
                take(sku, -reserved.request().quantity());
                line.setValue(new Reserved(reserved.request(), reserved.answer(), true));
            }
        }
        return new Answer(204, null, null);
    }

    private Sku take(Sku sku, long units) {
        Sku after = sku.withOnHand(sku.onHand() - units);
        skus.put(sku.skuId(), after);
        return after;
    }

    private static Answer insufficient(Sku sku, int quantity) {
        return Answer.problem(409, "insufficient-stock", "SKU " + sku.skuId() + " has " + sku.onHand()
                + " units on hand, " + quantity + " asked for");
    }

    /** What allocations and reservations copy from the SKU alike. */
    private static ObjectNode facts(Sku sku) {
        return JSON.createObjectNode().put("skuId", sku.skuId().toString())
                .put("productId", sku.productId().toString()).put("sellerId", sku.sellerId().toString())
                .put("sellerCountyCode", sku.sellerCountyCode()).put("title", sku.title()).put("spec", sku.spec())
                .put("currency", sku.currency()).put("temperatureClass", sku.temperatureClass().name())
                .put("traceCode", sku.traceCode());
    }
}
