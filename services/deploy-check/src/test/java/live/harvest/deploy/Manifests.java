package live.harvest.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;

/**
 * The manifests under deploy/k8s and their schemas. Every rendered document is checked against the JSON Schema of its
 * apiVersion and kind in deploy/k8s/schemas (strict: unknown fields are errors, see schemas/README.md); a kind with no
 * schema there is an error too, so nothing reaches a cluster unchecked.
 */
final class Manifests {

    /** The repository root (the build passes it; from the module directory it is two levels up). */
    static final Path REPO = Path.of(System.getProperty("harvest.repo", "../..")).toAbsolutePath().normalize();
    static final Path K8S = REPO.resolve("deploy/k8s");
    static final List<String> OVERLAYS = List.of("base", "overlays/small", "overlays/production");

    /**
     * Draft 4 (what OpenAPI's schemas are closest to), knowing Kubernetes' own keywords as annotations: they steer
     * the API server's merging and CEL rules (x-kubernetes-validations), which this check does not evaluate.
     */
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
            builder -> builder.metaSchema(withAnnotations(JsonMetaSchema.builder(JsonMetaSchema.getV4())).build()));
    private static final Map<Path, JsonSchema> COMPILED = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Manifests() {
    }

    private static JsonMetaSchema.Builder withAnnotations(JsonMetaSchema.Builder builder) {
        for (String keyword : List.of("x-kubernetes-list-type", "x-kubernetes-map-type", "x-kubernetes-int-or-string",
                "x-kubernetes-patch-strategy", "x-kubernetes-list-map-keys", "x-kubernetes-patch-merge-key",
                "x-kubernetes-validations", "x-kubernetes-group-version-kind", "x-kubernetes-preserve-unknown-fields",
                "x-kubernetes-unions", "x-kubernetes-embedded-resource", "example", "nullable")) {
            builder.keyword(new NonValidationKeyword(keyword));
        }
        return builder;
    }

    static List<ObjectNode> render(String kustomization) {
        return Kustomization.render(K8S.resolve(kustomization));
    }

    static Path schemaOf(Path schemas, String apiVersion, String kind) {
        return schemas.resolve(kind.toLowerCase(Locale.ROOT) + "-" + apiVersion.replace('/', '-') + ".json");
    }

    /** What is wrong with the documents, one line each ("Kind name: problem"); empty when all are valid. */
    static List<String> problems(List<ObjectNode> docs, Path schemas) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode doc : docs) {
            String apiVersion = doc.path("apiVersion").asText("");
            String kind = doc.path("kind").asText("");
            String name = kind + " " + doc.path("metadata").path("name").asText("<no name>");
            if (apiVersion.isEmpty() || kind.isEmpty()) {
                problems.add(name + ": no apiVersion or kind");
                continue;
            }
            Path file = schemaOf(schemas, apiVersion, kind);
            if (!Files.exists(file)) {
                problems.add(name + ": no schema for " + apiVersion + " " + kind + " (" + schemas.relativize(file) + ")");
                continue;
            }
            COMPILED.computeIfAbsent(file, Manifests::compile).validate(doc)
                    .forEach(message -> problems.add(name + ": " + message.getMessage()));
        }
        return problems;
    }

    private static JsonSchema compile(Path file) {
        try {
            return SCHEMAS.getSchema(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ObjectNode> ofKind(List<ObjectNode> docs, String kind) {
        return docs.stream().filter(doc -> doc.path("kind").asText().equals(kind)).toList();
    }

    static ObjectNode named(List<ObjectNode> docs, String kind, String name) {
        return ofKind(docs, kind).stream().filter(doc -> doc.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
