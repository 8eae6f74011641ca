package live.harvest.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import live.harvest.testkit.ApiOperations.Operation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every operation of a service's committed OpenAPI document with malformed input (ADR 0013) and asserts each is
 * refused with a 4xx problem+json for the right reason. Bodies: content after the document, an unknown field, each
 * top-level field with the wrong JSON type, NUL in each text field, a non-JSON content type. Paths: space, '%', '{',
 * quote, NUL and CR/LF (percent-encoded) in each path parameter and in an unknown route. Paging: out-of-range and
 * non-numeric page and size. A body case must be refused as {@code malformed-body} naming the field, or with 415:
 * both happen while the request is read, before any resource method runs, which is what shows nothing was written.
 * Each body differs from a plausible one (every field present with a value of its type) by one defect only, so the
 * refusal is for that defect. Operations listed in {@code unreachable} (e.g. signed callbacks that refuse an unsigned
 * body before reading it) only need a 4xx problem.
 */
public final class InputAbuse {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ODD_SEGMENTS = List.of("%20", "%25", "%7B", "%22", "%00", "%0D%0A");
    private static final String UNKNOWN_FIELD = "harvestUnknownField";

    private final List<String> failures = new ArrayList<>();
    private int sent;
    private final Map<String, String> unreachable;

    private InputAbuse(Map<String, String> unreachable) {
        this.unreachable = unreachable;
    }

    /** {@code unreachable}: operation ("POST /path") to why its body cannot be reached by this walk. */
    public static void assertEveryOperationRefusesMalformedInput(String service, Map<String, String> unreachable)
            throws IOException {
        InputAbuse walk = new InputAbuse(unreachable);
        List<Operation> operations = ApiOperations.of(service);
        assertTrue(!operations.isEmpty(), "openapi/" + service + ".yaml has no operations");
        operations.forEach(walk::check);
        walk.checkUnknownRoutes(operations.get(0));
        System.out.printf("InputAbuse %s: %d operations, %d malformed requests%n", service, operations.size(),
                walk.sent);
        assertTrue(walk.failures.isEmpty(), walk.failures.size() + " malformed requests were not refused properly:\n"
                + String.join("\n", walk.failures));
    }

    private void check(Operation op) {
        if (op.hasJsonBody()) {
            checkBody(op);
        }
        for (String odd : ODD_SEGMENTS) {
            for (String parameter : op.pathParameters()) {
                expect(op, "path " + parameter + "=" + odd, send(op, op.path().replace("{" + parameter + "}", odd)
                        .replaceAll("\\{[^}]+}", UUID.randomUUID().toString()), null, null), 0, null);
            }
        }
        if (op.queryParameters().contains("page")) {
            for (String query : List.of("page=2147483647", "page=99999999999", "page=abc", "page=-1")) {
                expect(op, query, send(op, op.pathWith(null) + "?" + query, null, null), 400, "page");
            }
        }
        if (op.queryParameters().contains("size")) {
            for (String query : List.of("size=2147483647", "size=0", "size=ten")) {
                expect(op, query, send(op, op.pathWith(null) + "?" + query, null, null), 400, "size");
            }
        }
    }

    private void checkBody(Operation op) {
        boolean reachable = !unreachable.containsKey(op.name());
        ObjectNode plausible = BodySamples.plausible(op.bodyProperties());
        String path = op.pathWith(null);
        expectBody(op, reachable, "content after the document", send(op, path, plausible + " {}", "application/json"),
                null);
        ObjectNode unknown = plausible.deepCopy().put(UNKNOWN_FIELD, 1);
        expectBody(op, reachable, "unknown field", send(op, path, unknown.toString(), "application/json"),
                UNKNOWN_FIELD);
        op.bodyProperties().forEach((field, schema) -> {
            JsonNode wrong = BodySamples.wrongType(schema);
            if (wrong != null) {
                ObjectNode body = plausible.deepCopy().set(field, wrong);
                expectBody(op, reachable, "wrong type " + field + "=" + wrong,
                        send(op, path, body.toString(), "application/json"), field);
            }
            if ("string".equals(schema.path("type").asText())) {
                ObjectNode body = plausible.deepCopy().put(field, "a\u0000b");
                expectBody(op, reachable, "NUL in " + field, send(op, path, body.toString(), "application/json"),
                        field);
            }
        });
        expect(op, "text/plain body", send(op, path, plausible.toString(), "text/plain"), reachable ? 415 : 0, null);
    }

    private void expectBody(Operation op, boolean reachable, String what, Response response, String field) {
        expect(op, what, response, reachable ? 400 : 0, reachable ? field : null);
        if (reachable && response.statusCode() == 400 && !response.asString().contains("/problems/malformed-body")) {
            failures.add(op.name() + " [" + what + "]: refused, but not while reading the body: "
                    + response.asString());
        }
    }

    private void checkUnknownRoutes(Operation known) {
        for (String odd : ODD_SEGMENTS) {
            Operation unknown = new Operation("GET", "/api/v1/harvest-no-such-route/" + odd, List.of(),
                    java.util.Set.of(), known.roles(), known.partnerScopes(), Map.of(), false);
            expect(unknown, "unknown route", send(unknown, unknown.path(), null, null), 404, null);
        }
        Operation wrongMethod = new Operation("PATCH", known.path(), known.pathParameters(), known.queryParameters(),
                known.roles(), known.partnerScopes(), Map.of(), false);
        expect(wrongMethod, "method not allowed", send(wrongMethod, known.pathWith(null), null, null), 405, null);
    }

    /** {@code status} 0 means any 4xx; {@code field}, when given, must be named in the problem's errors. */
    private void expect(Operation op, String what, Response response, int status, String field) {
        String body = response.asString();
        String contentType = response.contentType() == null ? "" : response.contentType();
        boolean statusOk = status == 0 ? response.statusCode() >= 400 && response.statusCode() < 500
                : response.statusCode() == status;
        boolean problem = contentType.startsWith("application/problem+json")
                && body.contains("\"type\":\"https://harvest.live/problems/") && !body.contains("Exception");
        boolean named = field == null || fieldsOf(body).contains(field);
        if (!statusOk || !problem || !named) {
            failures.add(op.name() + " [" + what + "]: expected " + (status == 0 ? "4xx" : status)
                    + (field == null ? "" : " naming " + field) + " problem+json, got " + response.statusCode()
                    + " " + contentType + " " + body.substring(0, Math.min(300, body.length())));
        }
    }

    private static List<String> fieldsOf(String body) {
        List<String> fields = new ArrayList<>();
        try {
            JSON.readTree(body).path("errors").forEach(error -> fields.add(error.path("field").asText()));
        } catch (IOException notJson) {
            // reported by the problem check
        }
        return fields;
    }

    private Response send(Operation op, String path, String body, String contentType) {
        sent++;
        RequestSpecification request = RestAssured.given().urlEncodingEnabled(false);
        String token = op.token();
        if (token != null) {
            request.header("Authorization", Tokens.bearer(token));
        }
        if (body != null) {
            request.contentType(contentType).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return request.request(op.method(), path);
    }
}
