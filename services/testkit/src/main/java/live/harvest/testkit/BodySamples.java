package live.harvest.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Map;
import java.util.UUID;

/**
 * JSON values built from OpenAPI schemas for {@link InputAbuse}: a plausible value of each schema's type (readable by
 * the strict body reader; Bean Validation may still refuse it, which happens later), and a value of the wrong type.
 */
final class BodySamples {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BodySamples() {
    }

    static ObjectNode plausible(Map<String, JsonNode> properties) {
        ObjectNode body = NODES.objectNode();
        properties.forEach((name, schema) -> body.set(name, plausible(schema, 0)));
        return body;
    }

    /** A number for text, text for a number or a boolean; null for arrays and objects (not scalars). */
    static JsonNode wrongType(JsonNode schema) {
        return switch (schema.path("type").asText()) {
            case "string" -> NODES.numberNode(12345);
            case "integer", "number" -> TextNode.valueOf("12");
            case "boolean" -> TextNode.valueOf("true");
            default -> null;
        };
    }

    private static JsonNode plausible(JsonNode schema, int depth) {
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        return switch (schema.path("type").asText()) {
            case "string" -> TextNode.valueOf(text(schema.path("format").asText()));
            case "integer" -> NODES.numberNode(schema.path("minimum").asLong(1));
            case "number" -> NODES.numberNode(schema.path("minimum").asDouble(1));
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> NODES.arrayNode();
            default -> depth > 3 ? NODES.objectNode() : nested(schema, depth);
        };
    }

    private static JsonNode nested(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), plausible(p.getValue(), depth + 1)));
        return object;
    }

    private static String text(String format) {
        return switch (format) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date-time" -> "2030-01-01T08:00:00Z";
            case "date" -> "2030-01-01";
            default -> "x";
        };
    }
}
