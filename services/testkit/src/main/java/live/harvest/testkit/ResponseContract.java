package live.harvest.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every operation of a committed OpenAPI document must say about its responses (issue 12): a success, with a
 * schema for 200 and 201 (204 and 202 carry none), {@code Location} on 201, and each error it can meet as
 * {@code application/problem+json}: 400 when it reads a body or parameters, 401 and 403 when secured, 404 when its
 * path names a resource, 415 when it reads a body. The platform's {@code ProblemResponses} filter adds these; a
 * resource that returns {@code Response} still has to name its success schema.
 */
public final class ResponseContract {

    private static final String PROBLEM = "application/problem+json";

    private ResponseContract() {
    }

    public static void assertEveryOperationDocumentsItsResponses(String service) throws IOException {
        List<String> failures = new ArrayList<>();
        JsonNode spec = ApiOperations.spec(service);
        ApiOperations.forEach(spec,
                (method, path, op) -> failures.addAll(check(method + " " + path, path, resolved(spec, op))));
        assertTrue(failures.isEmpty(), "openapi/" + service + ".yaml:\n  " + String.join("\n  ", failures));
    }

    /** The operation with each shared response ({@code $ref: '#/components/responses/...'}) written out in place. */
    static JsonNode resolved(JsonNode spec, JsonNode op) {
        if (!(op.path("responses") instanceof ObjectNode responses)) {
            return op;
        }
        ObjectNode copy = op.deepCopy();
        ObjectNode out = (ObjectNode) copy.path("responses");
        responses.fields().forEachRemaining(entry -> {
            String ref = entry.getValue().path("$ref").asText("");
            if (ref.startsWith("#/")) {
                out.set(entry.getKey(), spec.at(ref.substring(1)));
            }
        });
        return copy;
    }

    /** Every rule this operation breaks, each as one line naming the operation. */
    static List<String> check(String name, String path, JsonNode op) {
        List<String> failures = new ArrayList<>();
        JsonNode responses = op.path("responses");
        List<String> codes = new ArrayList<>();
        responses.fieldNames().forEachRemaining(codes::add);
        if (codes.stream().noneMatch(code -> code.startsWith("2"))) {
            failures.add(name + ": no 2xx response");
        }
        for (String code : codes) {
            JsonNode response = responses.path(code);
            if ((code.equals("200") || code.equals("201")) && !hasSchema(response.path("content"))) {
                failures.add(name + ": " + code + " has no content schema");
            }
            if (code.equals("201") && response.path("headers").path("Location").isMissingNode()) {
                failures.add(name + ": 201 documents no Location header");
            }
            if ((code.startsWith("4") || code.startsWith("5") || code.equals("default"))
                    && response.path("content").path(PROBLEM).path("schema").isMissingNode()) {
                failures.add(name + ": " + code + " is not documented as " + PROBLEM);
            }
        }
        boolean body = !op.path("requestBody").isMissingNode();
        boolean parameters = op.path("parameters").size() > 0;
        boolean secured = op.path("security").size() > 0;
        require(failures, name, codes, "400", body || parameters, "it reads a body or parameters");
        require(failures, name, codes, "401", secured, "it is secured");
        require(failures, name, codes, "403", secured, "it is secured");
        require(failures, name, codes, "404", path.contains("{"), "its path names a resource");
        require(failures, name, codes, "415", body, "it reads a body");
        return failures;
    }

    private static void require(List<String> failures, String name, List<String> codes, String code,
                                boolean when, String because) {
        if (when && !codes.contains(code)) {
            failures.add(name + ": no " + code + " documented, though " + because);
        }
    }

    private static boolean hasSchema(JsonNode content) {
        List<Boolean> found = new ArrayList<>();
        content.elements().forEachRemaining(media -> found.add(!media.path("schema").isMissingNode()));
        return found.contains(true);
    }
}
