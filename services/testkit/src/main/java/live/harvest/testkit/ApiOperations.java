package live.harvest.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import live.harvest.platform.security.Roles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** The operations of a service's committed OpenAPI document ({@code openapi/<service>.yaml}), as tests need them. */
public final class ApiOperations {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** One operation; {@code bodyProperties} maps each top-level property of its JSON body to its resolved schema. */
    public record Operation(String method, String path, List<String> pathParameters, Set<String> queryParameters,
                            List<String> roles, List<String> partnerScopes, Map<String, JsonNode> bodyProperties,
                            boolean hasJsonBody) {

        public String name() {
            return method + " " + path;
        }

        /** The path with every parameter replaced by {@code value} (a fresh UUID when null). */
        public String pathWith(String value) {
            String filled = path;
            for (String parameter : pathParameters) {
                filled = filled.replace("{" + parameter + "}", value != null ? value : UUID.randomUUID().toString());
            }
            return filled;
        }

        /** A bearer token of a role that may call the operation, or null when it needs none. */
        public String token() {
            if (roles.isEmpty()) {
                return null;
            }
            for (String role : List.of(Roles.SELLER, Roles.CONSUMER, Roles.ADMIN, Roles.OPERATOR, Roles.SERVICE)) {
                if (roles.contains(role)) {
                    return switch (role) {
                        case Roles.SELLER -> Tokens.seller(UUID.randomUUID());
                        case Roles.CONSUMER -> Tokens.consumer(UUID.randomUUID());
                        case Roles.ADMIN -> Tokens.admin();
                        case Roles.OPERATOR -> Tokens.operator();
                        default -> Tokens.service("harvest-orders");
                    };
                }
            }
            return Tokens.partner(partnerScopes.toArray(String[]::new));
        }
    }

    private ApiOperations() {
    }

    /** The committed document itself. */
    public static JsonNode spec(String service) throws IOException {
        Path file = OpenApiContract.repoRoot().resolve("openapi").resolve(service + ".yaml");
        return YAML.readTree(file.toFile());
    }

    /** Calls {@code each} with the method, path and node of every operation in the document. */
    public static void forEach(JsonNode spec, OperationNode each) {
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                each.accept(op.getKey().toUpperCase(), path.getKey(), op.getValue());
            }
        }));
    }

    @FunctionalInterface
    public interface OperationNode {
        void accept(String method, String path, JsonNode operation);
    }

    public static List<Operation> of(String service) throws IOException {
        JsonNode spec = spec(service);
        List<Operation> operations = new ArrayList<>();
        forEach(spec, (method, path, op) -> operations.add(operation(spec, method, path, op)));
        return operations;
    }

    private static Operation operation(JsonNode spec, String method, String path, JsonNode op) {
        List<String> pathParameters = new ArrayList<>();
        Set<String> queryParameters = new TreeSet<>();
        for (JsonNode parameter : op.path("parameters")) {
            (parameter.path("in").asText().equals("path") ? pathParameters : queryParameters)
                    .add(parameter.path("name").asText());
        }
        List<String> roles = new ArrayList<>();
        List<String> scopes = new ArrayList<>();
        for (JsonNode requirement : op.path("security")) {
            requirement.fields().forEachRemaining(scheme -> scheme.getValue().forEach(value ->
                    ("partner".equals(scheme.getKey()) ? scopes : roles).add(value.asText())));
        }
        JsonNode body = op.path("requestBody").path("content").path("application/json").path("schema");
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        resolve(spec, body).path("properties").fields()
                .forEachRemaining(property -> properties.put(property.getKey(), resolve(spec, property.getValue())));
        return new Operation(method, path, pathParameters, queryParameters, roles, scopes, properties,
                !body.isMissingNode());
    }

    private static JsonNode resolve(JsonNode spec, JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith("#/") ? resolve(spec, spec.at(ref.substring(1))) : schema;
    }
}
