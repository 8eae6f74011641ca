package live.harvest.testkit.catalog;

import live.harvest.testkit.Tokens;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules the catalog double keeps and what it records, which livestream's and orders' tests rely on. */
@UnitTest
class CatalogDoubleTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static CatalogDouble catalog;
    private static CatalogControl control;

    @BeforeAll
    static void startTheDouble() {
        catalog = new CatalogDouble();
        catalog.start();
        control = new CatalogControl(catalog.url());
    }

    @AfterAll
    static void stopTheDouble() {
        catalog.stop();
    }

    @Test
    void givenASkuOfTenUnits_whenLivestreamAllocatesSixTwiceForOneOfferAndThenSixForAnother_thenOnlyTheLastIsRefused() {
        UUID seller = UUID.randomUUID();
        UUID sku = UUID.randomUUID();
        control.givenSku(Sku.tea(sku, seller, 10));
        UUID offer = UUID.randomUUID();

        assertEquals(201, allocate(sku, offer, seller, 6).statusCode());
        HttpResponse<String> again = allocate(sku, offer, seller, 6);
        HttpResponse<String> another = allocate(sku, UUID.randomUUID(), seller, 6);

        assertEquals(200, again.statusCode());
        assertTrue(again.body().contains("\"onHandAfter\":4"), again.body());
        assertEquals(409, another.statusCode());
        assertTrue(another.body().contains("insufficient-stock"), another.body());
        List<StockCall> calls = calls(sku);
        assertEquals(List.of(201, 200, 409), calls.stream().map(StockCall::status).toList());
        assertEquals("harvest-livestream", calls.get(0).caller());
        assertTrue(calls.get(0).callerIsService());
        assertEquals(offer, calls.get(0).offerId());
    }

    @Test
    void givenAReservedOrder_whenOrdersReleasesIt_thenItsUnitsAreBackAndTheReleaseIsRecorded() {
        UUID sku = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        control.givenSku(Sku.chilledFish(sku, UUID.randomUUID(), 300).withOnHand(5));
        assertEquals(201, reserve(order, sku, 5).statusCode());
        assertEquals(409, reserve(UUID.randomUUID(), sku, 1).statusCode());

        assertEquals(204, send("DELETE", "/api/v1/stock/reservations/" + order, Tokens.service("harvest-orders"), null)
                .statusCode());

        assertEquals(201, reserve(UUID.randomUUID(), sku, 5).statusCode());
        List<StockCall> releases = control.calls().stream().filter(StockCall::isRelease)
                .filter(call -> order.equals(call.orderId())).toList();
        assertEquals(1, releases.size());
        assertEquals("harvest-orders", releases.get(0).caller());
    }

    @Test
    void givenARefusalProgrammedForASku_whenOrdersReserves_thenItGetsThatProblemUntilTheSkuIsListedAgain() {
        UUID sku = UUID.randomUUID();
        control.refuses(sku, 409, "buyer-cap-reached", "At most 5 units per buyer");

        HttpResponse<String> refused = reserve(UUID.randomUUID(), sku, 1);
        control.givenSku(Sku.chilledFish(sku, UUID.randomUUID(), 300));

        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("\"detail\":\"At most 5 units per buyer\""), refused.body());
        assertEquals(201, reserve(UUID.randomUUID(), sku, 1).statusCode());
        assertEquals(List.of(409, 201), calls(sku).stream().map(StockCall::status).toList());
    }

    private static List<StockCall> calls(UUID sku) {
        return control.calls().stream().filter(call -> sku.equals(call.skuId())).toList();
    }

    private static HttpResponse<String> allocate(UUID sku, UUID offer, UUID seller, int quantity) {
        return send("POST", "/api/v1/skus/" + sku + "/allocations", Tokens.service("harvest-livestream"),
                "{\"offerId\":\"%s\",\"sellerId\":\"%s\",\"quantity\":%d}".formatted(offer, seller, quantity));
    }

    private static HttpResponse<String> reserve(UUID order, UUID sku, int quantity) {
        return send("POST", "/api/v1/stock/reservations", Tokens.service("harvest-orders"),
                "{\"orderId\":\"%s\",\"buyerId\":\"%s\",\"skuId\":\"%s\",\"quantity\":%d}"
                        .formatted(order, UUID.randomUUID(), sku, quantity));
    }

    private static HttpResponse<String> send(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(catalog.url() + path))
                .header("Authorization", Tokens.bearer(token));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
