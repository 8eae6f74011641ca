package live.harvest.testkit.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationContext;
import com.networknt.schema.ValidationMessage;
import live.harvest.testkit.ApiOperations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bodies an operation of a committed {@code openapi/<service>.yaml} accepts and answers, checked with a JSON
 * Schema 2020-12 validator (networknt), so a test double of that service cannot drift from what the service
 * publishes. Stricter than the document in one way on purpose: an object may carry only the properties its schema
 * declares (the services read JSON strictly, ADR 0013, and a double that invents a field lies to its consumer).
 */
public final class OpenApiBodies {

    private static final String PROBLEM = "application/problem+json";
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                    .format(new IntegerFormat("int32", 32)).format(new IntegerFormat("int64", 64)).build()));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    /** One answer as it went over the wire; {@code body} is null when there was none. */
    public record Exchange(int status, String contentType, String location, JsonNode body) {
    }

    private final JsonNode spec;
    private final ObjectNode components;
    private final Map<JsonNode, JsonSchema> compiled = new ConcurrentHashMap<>();

    private OpenApiBodies(JsonNode spec) {
        this.spec = spec;
        this.components = closed(spec.path("components").deepCopy());
    }

    /** The committed document of {@code service}, e.g. {@code catalog}. */
    public static OpenApiBodies of(String service) {
        try {
            return new OpenApiBodies(ApiOperations.spec(service));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read openapi/" + service + ".yaml", e);
        }
    }

    /** The operation node, or a missing node when the document has no such path and method. */
    public JsonNode operation(String method, String pathTemplate) {
        return spec.path("paths").path(pathTemplate).path(method.toLowerCase());
    }

    public boolean isSecured(String method, String pathTemplate) {
        return operation(method, pathTemplate).path("security").size() > 0;
    }

    public boolean readsJsonBody(String method, String pathTemplate) {
        return !requestSchema(method, pathTemplate).isMissingNode();
    }

    /** What is wrong with this request body, one line each; empty when it conforms. */
    public List<String> requestViolations(String method, String pathTemplate, JsonNode body) {
        JsonNode schema = requestSchema(method, pathTemplate);
        if (schema.isMissingNode()) {
            return List.of(method + " " + pathTemplate + " declares no JSON request body");
        }
        return violations(schema, body);
    }

    /** What is wrong with this answer (status, content type, Location, body), one line each; empty when it conforms. */
    public List<String> responseViolations(String method, String pathTemplate, Exchange answer) {
        String name = method + " " + pathTemplate + " " + answer.status();
        JsonNode operation = operation(method, pathTemplate);
        if (operation.isMissingNode()) {
            return List.of(method + " " + pathTemplate + " is not in the document");
        }
        JsonNode responses = operation.path("responses");
        JsonNode response = responses.path(String.valueOf(answer.status()));
        if (response.isMissingNode()) {
            // "default" covers only the failures the document does not name one by one
            if (answer.status() < 400 || responses.path("default").isMissingNode()) {
                return List.of(name + ": status not declared");
            }
            response = responses.path("default");
        }
        List<String> failures = new ArrayList<>();
        if (!response.path("headers").path("Location").isMissingNode() && answer.location() == null) {
            failures.add(name + ": no Location header, though the document declares one");
        }
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (answer.body() != null) {
                failures.add(name + ": a body, though the document declares none");
            }
            return failures;
        }
        String type = answer.contentType() == null ? "" : answer.contentType().split(";")[0].trim();
        JsonNode media = content.path(type);
        if (media.isMissingNode()) {
            failures.add(name + ": content type '" + type + "', the document declares " + content.properties()
                    .stream().map(Map.Entry::getKey).toList());
            return failures;
        }
        if (answer.body() == null) {
            failures.add(name + ": no body, though the document declares " + type);
            return failures;
        }
        violations(media.path("schema"), answer.body()).forEach(v -> failures.add(name + ": " + v));
        if (type.equals(PROBLEM) && answer.body().path("status").asInt() != answer.status()) {
            failures.add(name + ": the problem's status is " + answer.body().path("status"));
        }
        return failures;
    }

    private JsonNode requestSchema(String method, String pathTemplate) {
        return operation(method, pathTemplate).path("requestBody").path("content").path("application/json")
                .path("schema");
    }

    private List<String> violations(JsonNode schema, JsonNode body) {
        return compiled.computeIfAbsent(schema, this::compile).validate(body).stream()
                .map(ValidationMessage::getMessage).sorted().toList();
    }

    /** The operation's schema as a document of its own, carrying the components its {@code $ref}s point into. */
    private JsonSchema compile(JsonNode schema) {
        ObjectNode root = closed(schema.deepCopy());
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", components);
        return SCHEMAS.getSchema(root, CONFIG);
    }

    /** Every object schema that lists its properties gets {@code additionalProperties: false} unless it says. */
    private static <T extends JsonNode> T closed(T node) {
        if (node instanceof ObjectNode object && object.has("properties") && !object.has("additionalProperties")) {
            object.put("additionalProperties", false);
        }
        node.forEach(OpenApiBodies::closed);
        return node;
    }

    /** OpenAPI's {@code int32} and {@code int64}: an integer that fits in that many bits. */
    private record IntegerFormat(String name, int bits) implements Format {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean matches(ExecutionContext execution, ValidationContext validation, JsonNode value) {
            if (!value.isNumber()) {
                return true; // "type" judges the kind; a format judges only values of its kind
            }
            if (!value.isIntegralNumber()) {
                return false;
            }
            BigInteger number = value.bigIntegerValue();
            return number.bitLength() < bits;
        }
    }
}
