package live.harvest.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Identity at every boundary, against the real Keycloak realm and the packaged services: partners hold client
 * credentials and act within their scopes, services call each other as themselves, internal endpoints refuse users,
 * and the prod profile trusts only the identity provider.
 */
@ExtendWith(Marketplace.class)
class IdentityIT {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final Http http = new Http(8);
    private final TokenMinter local = new TokenMinter("harvest-test-keys/privateKey.pem", "https://harvest.live/local");

    @Test
    void givenAPartnerWithClientCredentialsWhenItCallsInsideAndOutsideItsScopesThen200And403InsufficientScope()
            throws Exception {
        // Given the courier's token (shipments:read shipments:write events:read webhooks:manage), from Keycloak
        String courier = Keycloak.clientToken("partner-courier", "courier-partner-secret");

        // When it lists shipments (shipments:read) it is served
        HttpResponse<String> inScope = get(Marketplace.url("logistics") + "/api/v1/shipments?size=1", courier);
        assertEquals(200, inScope.statusCode(), inScope.body());

        // When it reads an order (orders:read, not granted) it is refused, and told which scope it lacks
        HttpResponse<String> outOfScope = get(Marketplace.url("orders") + "/api/v1/orders/" + UUID.randomUUID(),
                courier);
        assertEquals(403, outOfScope.statusCode(), outOfScope.body());
        assertEquals("application/problem+json", outOfScope.headers().firstValue("Content-Type").orElse(""));
        String challenge = outOfScope.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.contains("error=\"insufficient_scope\"") && challenge.contains("orders:read"), challenge);

        // and the county service centre, which holds orders:read, gets past the scope check (unknown order: 404)
        String centre = Keycloak.clientToken("partner-county-centre", "county-centre-partner-secret");
        assertEquals(404, get(Marketplace.url("orders") + "/api/v1/orders/" + UUID.randomUUID(), centre)
                .statusCode());
    }

    @Test
    void givenARegularListingWhenAKeycloakBuyerOrdersThenOrdersReservesAtCatalogWithItsOwnServiceToken() {
        // Given a regular listing of 3 units (catalog's reservation endpoint now admits services only)
        Listing listing = listing(3);
        String buyer = Keycloak.userToken("buyer");

        // When the buyer orders 2 units with their Keycloak token
        JsonNode order = http.post(Marketplace.url("orders") + "/api/v1/orders", buyer,
                Map.of("lines", List.of(Map.of("skuId", listing.skuId, "quantity", 2)), "address", address()),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(201).body();

        // Then the order was accepted, which took orders' own service token at catalog, and stock moved once
        assertEquals(2 * 2680, order.path("totalFen").asLong());
        assertEquals(1, onHand(listing));
        // and the buyer cannot take the units back behind the order's back (the 3-units-paid-6-times abuse)
        Http.Reply withdrawn = http.send("DELETE", Marketplace.url("catalog") + "/api/v1/stock/reservations/"
                + order.path("id").asText(), buyer);
        assertEquals(403, withdrawn.status());
        assertEquals(1, onHand(listing));
    }

    @Test
    void givenUserTokensWhenTheyCallInternalEndpointsThenEveryOneIs403AndNothingIsReserved() {
        Listing listing = listing(5);
        UUID madeUpOrder = UUID.randomUUID();
        for (String user : List.of("buyer", "seller-a", "operator")) {
            String token = Keycloak.userToken(user);
            // The hoarding abuse: a whole SKU reserved for an order that does not exist
            assertEquals(403, http.post(Marketplace.url("catalog") + "/api/v1/stock/reservations", token,
                    Map.of("orderId", madeUpOrder, "buyerId", UUID.randomUUID(), "skuId", listing.skuId,
                            "quantity", 5)).status(), user);
            assertEquals(403, http.send("DELETE", Marketplace.url("catalog") + "/api/v1/stock/reservations/"
                    + madeUpOrder, token).status(), user);
            assertEquals(403, http.post(Marketplace.url("catalog") + "/api/v1/skus/" + listing.skuId + "/allocations",
                    token, Map.of("offerId", UUID.randomUUID(), "sellerId", listing.sellerId, "quantity", 5))
                    .status(), user);
        }
        // A partner is no service either
        String partner = Keycloak.clientToken("partner-demo-pay", "demo-pay-partner-secret");
        assertEquals(403, http.post(Marketplace.url("catalog") + "/api/v1/stock/reservations", partner,
                Map.of("orderId", madeUpOrder, "buyerId", UUID.randomUUID(), "skuId", listing.skuId, "quantity", 5))
                .status());
        assertEquals(5, onHand(listing));
    }

    @Test
    void givenTheProdProfileWhenATokenSignedWithTheLocalKeyArrivesThenItIsRefusedWhileKeycloakTokensPass()
            throws Exception {
        // Given catalog started in the prod profile, even with the local key configured
        Path root = Marketplace.repoRoot();
        Path log = root.resolve("services/e2e/target/service-logs/catalog-prod.log");
        String url = "http://127.0.0.1:18091";
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-XX:+UseSerialGC", "-jar",
                root.resolve("services/catalog/target/quarkus-app/quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // Its own, otherwise unused database, consumer group and topic namespace: it must not touch the e2e catalog's
        // data or events, nor the stack's; two connections are its share of PostgreSQL's.
        builder.environment().putAll(Map.of("HTTP_PORT", "18091", "DB_NAME", "harvest_platform",
                "DB_USER", "harvest_platform", "KAFKA_GROUP_ID", "catalog-prod-check",
                "HARVEST_KAFKA_TOPIC_PREFIX", "e2e-prod-check.", "DB_POOL_MAX", "2",
                "LOCAL_JWT_PUBLIC_KEY", Marketplace.publicKeyBody()));
        Files.createDirectories(log.getParent());
        Process prod = builder.start();
        try {
            Marketplace.awaitReady("catalog (prod profile)", url, log);
            String ledger = url + "/api/v1/skus/" + UUID.randomUUID() + "/ledger";

            // When an admin token signed with the local key calls, it is not even authenticated
            HttpResponse<String> minted = get(ledger, local.admin());
            assertEquals(401, minted.statusCode(), minted.body());
            // while Keycloak's admin passes authentication and authorisation (the SKU is unknown: 404)
            assertEquals(404, get(ledger, Keycloak.userToken("admin")).statusCode());
            // and the same minted token is trusted by the local profile the stack and tests use
            assertEquals(404, get(Marketplace.url("catalog") + "/api/v1/skus/" + UUID.randomUUID() + "/ledger",
                    local.admin()).statusCode());
        } finally {
            prod.destroy();
            prod.waitFor();
        }
    }

    private record Listing(UUID sellerId, UUID skuId) {
    }

    /** A verified seller's active regular listing with {@code stock} units, made through the public API. */
    private Listing listing(int stock) {
        UUID sellerId = UUID.randomUUID();
        String seller = local.seller(sellerId);
        String admin = local.admin();
        http.put(Marketplace.url("catalog") + "/api/v1/sellers/me", seller, Map.of("displayName", "Tea garden",
                "kind", "FARMER", "homeCountyCode", "330127", "homeTownshipCode", "330127100",
                "contactPhone", "13900139000")).expect(200, 201);
        http.post(Marketplace.url("catalog") + "/api/v1/sellers/" + sellerId + "/verification", admin,
                Map.of("verified", true, "note", "checked")).expect(200);
        JsonNode product = http.post(Marketplace.url("catalog") + "/api/v1/products", seller, Map.of(
                "title", "Longjing tea", "description", "Spring picking", "category", "TEA",
                "originCountyCode", "330127", "originTownshipCode", "330127100", "grade", "premium",
                "temperatureClass", "AMBIENT", "shelfLifeDays", 365)).expect(201).body();
        String productId = product.get("productId").asText();
        JsonNode sku = http.post(Marketplace.url("catalog") + "/api/v1/products/" + productId + "/skus", seller,
                Map.of("spec", "250 g tin", "netWeightGrams", 250, "priceFen", 2680, "initialStock", stock))
                .expect(201).body();
        http.post(Marketplace.url("catalog") + "/api/v1/products/" + productId + "/activation", seller, null)
                .expect(200);
        return new Listing(sellerId, UUID.fromString(sku.get("skuId").asText()));
    }

    private long onHand(Listing listing) {
        return http.get(Marketplace.url("catalog") + "/api/v1/skus/" + listing.skuId + "/ledger?size=1",
                local.seller(listing.sellerId)).expect(200).body().path("onHand").asLong();
    }

    private static Map<String, Object> address() {
        return Map.of("recipient", "Li Wei", "phone", "13800138000", "countyCode", "330127",
                "townshipCode", "330127100", "detail", "No. 8 Main St");
    }

    private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
