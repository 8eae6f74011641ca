package live.harvest.testkit.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import live.harvest.testkit.Tokens;
import live.harvest.testkit.UnitTest;
import live.harvest.testkit.catalog.OpenApiBodies.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog double against openapi/catalog.yaml (issue 16): each operation it serves is in the document, each
 * answer it gives (status, content type, Location, body) conforms to the response the document declares, and the
 * requests livestream and orders send conform to the request schemas. No Quarkus: the double is started by hand.
 */
@UnitTest
class CatalogDoubleContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final OpenApiBodies CATALOG = OpenApiBodies.of("catalog");
    private static final String LIVESTREAM = Tokens.service("harvest-livestream");
    private static final String ORDERS = Tokens.service("harvest-orders");

    /** The requests as the services' REST clients send them (livestream's CatalogClient, orders' CatalogApi). */
    record AllocationRequest(UUID offerId, UUID sellerId, int quantity) {
    }

    record ReservationRequest(UUID orderId, UUID buyerId, UUID skuId, int quantity) {
    }

    private static CatalogDouble catalog;
    private static CatalogControl control;
    private final List<String> failures = new ArrayList<>();
    private final Set<String> checked = new TreeSet<>();

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
    void givenTheOperationsTheDoubleServes_whenLookedUpInCatalogYaml_thenEachIsThere() {
        for (String operation : CatalogDouble.OPERATIONS) {
            String[] methodAndPath = operation.split(" ");
            assertFalse(CATALOG.operation(methodAndPath[0], methodAndPath[1]).isMissingNode(),
                    operation + " is not in openapi/catalog.yaml");
        }
    }

    @Test
    void givenEveryStateTheDoubleCanBeIn_whenEachOperationIsCalled_thenEveryAnswerConformsToCatalogYaml() {
        UUID seller = UUID.randomUUID();
        UUID sku = UUID.randomUUID();
        UUID offer = UUID.randomUUID();
        control.givenSeller(seller, true, "330127");
        control.givenSku(Sku.tea(sku, seller, 10));
        String sellers = "GET /api/v1/sellers/{sellerId}";
        expect(200, sellers, "/api/v1/sellers/" + seller, null, null);
        expect(404, sellers, "/api/v1/sellers/" + UUID.randomUUID(), null, null);

        String allocations = "POST /api/v1/skus/{skuId}/allocations";
        String allocate = "/api/v1/skus/" + sku + "/allocations";
        expect(201, allocations, allocate, LIVESTREAM, new AllocationRequest(offer, seller, 4));
        expect(200, allocations, allocate, LIVESTREAM, new AllocationRequest(offer, seller, 4));
        expect(409, allocations, allocate, LIVESTREAM, new AllocationRequest(UUID.randomUUID(), seller, 7));
        expect(403, allocations, allocate, LIVESTREAM, new AllocationRequest(UUID.randomUUID(), UUID.randomUUID(), 1));
        expect(403, allocations, allocate, Tokens.seller(seller), new AllocationRequest(UUID.randomUUID(), seller, 1));
        expect(401, allocations, allocate, null, new AllocationRequest(UUID.randomUUID(), seller, 1));
        expect(404, allocations, "/api/v1/skus/" + UUID.randomUUID() + "/allocations", LIVESTREAM,
                new AllocationRequest(UUID.randomUUID(), seller, 1));
        expect(400, allocations, allocate, LIVESTREAM, new AllocationRequest(UUID.randomUUID(), seller, 0));
        expect(415, allocations, allocate, LIVESTREAM, "quantity=1");

        String reservations = "POST /api/v1/stock/reservations";
        String reserve = "/api/v1/stock/reservations";
        UUID fish = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        control.givenSku(Sku.chilledFish(fish, seller, 2680));
        expect(201, reservations, reserve, ORDERS, new ReservationRequest(order, buyer, fish, 3));
        expect(200, reservations, reserve, ORDERS, new ReservationRequest(order, buyer, fish, 3));
        expect(409, reservations, reserve, ORDERS, new ReservationRequest(order, buyer, fish, 2));
        expect(403, reservations, reserve, ORDERS, new ReservationRequest(order, UUID.randomUUID(), fish, 3));
        expect(404, reservations, reserve, ORDERS, new ReservationRequest(order, buyer, UUID.randomUUID(), 3));
        expect(409, reservations, reserve, ORDERS, new ReservationRequest(UUID.randomUUID(), buyer, sku, 99));
        expect(400, reservations, reserve, ORDERS, new ReservationRequest(null, buyer, fish, 3));
        expect(401, reservations, reserve, null, new ReservationRequest(UUID.randomUUID(), buyer, fish, 1));
        control.refuses(fish, 422, "quantity-above-cap", "At most 20 units of SKU " + fish + " per order");
        expect(422, reservations, reserve, ORDERS, new ReservationRequest(UUID.randomUUID(), buyer, fish, 21));
        control.refuses(fish, 409, "buyer-cap-reached", "At most 5 units per buyer");
        expect(409, reservations, reserve, ORDERS, new ReservationRequest(UUID.randomUUID(), buyer, fish, 1));

        String releases = "DELETE /api/v1/stock/reservations/{orderId}";
        expect(204, releases, reserve + "/" + order, ORDERS, null);
        expect(204, releases, reserve + "/" + order, ORDERS, null);
        expect(404, releases, reserve + "/" + UUID.randomUUID(), ORDERS, null);
        expect(403, releases, reserve + "/" + order, Tokens.consumer(buyer), null);
        expect(401, releases, reserve + "/" + order, null, null);

        assertEquals(List.of(), failures);
        // The figure the issue asks for: 4 operations, 22 distinct (operation, status) answers checked
        assertEquals(22, checked.size(), checked.toString());
    }

    @Test
    void givenTheRequestsLivestreamAndOrdersSend_whenCheckedAgainstCatalogYaml_thenTheyConform() {
        assertEquals(List.of(), CATALOG.requestViolations("POST", "/api/v1/skus/{skuId}/allocations",
                JSON.valueToTree(new AllocationRequest(UUID.randomUUID(), UUID.randomUUID(), 200))));
        assertEquals(List.of(), CATALOG.requestViolations("POST", "/api/v1/stock/reservations",
                JSON.valueToTree(new ReservationRequest(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 3))));
        // orders' release sends no body, and catalog's DELETE reads none
        assertFalse(CATALOG.readsJsonBody("DELETE", "/api/v1/stock/reservations/{orderId}"));
    }

    @Test
    void givenWrongBodies_whenCheckedAgainstCatalogYaml_thenEachIsRejectedForItsFault() {
        String allocations = "/api/v1/skus/{skuId}/allocations";
        String ids = "\"offerId\":\"" + UUID.randomUUID() + "\",\"sellerId\":\"" + UUID.randomUUID() + "\"";
        // a request without its quantity, with a quantity of the wrong type, with none at all
        assertRejected("required property 'quantity'",
                CATALOG.requestViolations("POST", allocations, read("{" + ids + "}")));
        assertRejected("string found, integer expected",
                CATALOG.requestViolations("POST", allocations, read("{" + ids + ",\"quantity\":\"3\"}")));
        assertRejected("minimum value of 1",
                CATALOG.requestViolations("POST", allocations, read("{" + ids + ",\"quantity\":0}")));
        // answers with an unknown temperature class, a field catalog never sends, a number as a string, a bad id,
        // a quantity beyond int32
        assertRejected("enumeration", answer(201, "application/json", "/l", "{\"temperatureClass\":\"LUKEWARM\"}"));
        assertRejected("'discount' is not defined", answer(201, "application/json", "/l", "{\"discount\":10}"));
        assertRejected("string found, integer expected", answer(201, "application/json", "/l", "{\"priceFen\":\"9\"}"));
        assertRejected("valid RFC 4122 UUID", answer(201, "application/json", "/l", "{\"offerId\":\"offer-1\"}"));
        assertRejected("int32", answer(201, "application/json", "/l", "{\"quantity\":4294967296}"));
        // a 201 without Location, a success as problem+json, a status the document does not declare
        assertRejected("no Location header", answer(201, "application/json", null, "{}"));
        assertRejected("content type", answer(201, "application/problem+json", "/l", "{}"));
        assertRejected("status not declared", answer(202, "application/json", null, "{}"));
        // a problem without its title (what the old orders stub answered), or whose status is not the answer's
        assertRejected("required property 'title'", answer(409, "application/problem+json", null,
                "{\"type\":\"https://harvest.live/problems/insufficient-stock\",\"status\":409}"));
        assertRejected("the problem's status is 422", answer(409, "application/problem+json", null,
                "{\"type\":\"https://harvest.live/problems/insufficient-stock\",\"title\":\"t\",\"status\":422}"));
    }

    @Test
    void givenARequestCatalogWouldRefuse_whenAServiceSendsItToTheDouble_thenTheDoubleAnswers400() {
        UUID seller = UUID.randomUUID();
        UUID sku = UUID.randomUUID();
        control.givenSku(Sku.tea(sku, seller, 10));
        HttpResponse<String> answer = send("POST", "/api/v1/skus/" + sku + "/allocations", LIVESTREAM,
                "application/json", "{\"offerId\":\"" + UUID.randomUUID() + "\",\"sellerId\":\"" + seller
                        + "\",\"quantity\":2,\"note\":\"not in the contract\"}");

        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("note"), answer.body());
    }

    private static List<String> answer(int status, String contentType, String location, String body) {
        return CATALOG.responseViolations("POST", "/api/v1/skus/{skuId}/allocations",
                new Exchange(status, contentType, location, read(body)));
    }

    private static void assertRejected(String fault, List<String> violations) {
        assertTrue(violations.stream().anyMatch(violation -> violation.contains(fault)),
                "expected a violation naming '" + fault + "', got " + violations);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void expect(int status, String operation, String path, String token, Object body) {
        String[] methodAndTemplate = operation.split(" ");
        HttpResponse<String> answer = body instanceof String form
                ? send(methodAndTemplate[0], path, token, "application/x-www-form-urlencoded", form)
                : send(methodAndTemplate[0], path, token, "application/json", body == null ? null : json(body));
        if (answer.statusCode() != status) {
            failures.add(operation + ": expected " + status + ", got " + answer.statusCode() + " " + answer.body());
            return;
        }
        checked.add(operation + " " + status);
        try {
            JsonNode json = answer.body().isEmpty() ? null : JSON.readTree(answer.body());
            failures.addAll(CATALOG.responseViolations(methodAndTemplate[0], methodAndTemplate[1], new Exchange(
                    status, answer.headers().firstValue("Content-Type").orElse(null),
                    answer.headers().firstValue("Location").orElse(null), json)));
        } catch (IOException e) {
            failures.add(operation + " " + status + ": the body is not JSON: " + answer.body());
        }
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(String method, String path, String token, String contentType,
                                             String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(catalog.url() + path));
            if (token != null) {
                request.header("Authorization", Tokens.bearer(token));
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
