package live.harvest.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders a kustomization directory the way {@code kubectl kustomize} does, for the part of Kustomize that
 * deploy/k8s uses: {@code resources} (files and directories), {@code namespace}, {@code labels} (metadata only),
 * {@code secretGenerator} / {@code configMapGenerator} without name hash, and {@code patches} (strategic merge, by
 * the patch's own kind and name or by a {@code target} of kind, name regex and label selector). Anything else in a
 * kustomization.yaml is refused, so a manifest can never use a feature this reader would silently skip; its output was
 * compared with kubectl kustomize (v5.5.0) for every overlay when it was written (docs/deploy.md, "Validation").
 */
final class Kustomization {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "namespace", "labels", "resources",
            "patches", "generatorOptions", "secretGenerator", "configMapGenerator");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "CustomResourceDefinition", "ClusterRole",
            "ClusterRoleBinding", "StorageClass", "PriorityClass");
    /** Strategic-merge keys of the built-in kinds' lists deploy/k8s patches; other lists are replaced whole. */
    private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name",
            "volumes", "name", "env", "name", "volumeMounts", "mountPath");

    private Kustomization() {
    }

    /** Every document the kustomization in {@code dir} produces, in kustomize's order (resources, then generated). */
    static List<ObjectNode> render(Path dir) {
        ObjectNode k = (ObjectNode) readAll(dir.resolve("kustomization.yaml")).get(0);
        k.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException(dir + ": kustomization field '" + field + "' is not supported here");
            }
        });
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode resource : k.path("resources")) {
            Path path = dir.resolve(resource.asText()).normalize();
            out.addAll(Files.isDirectory(path) ? render(path) : readAll(path));
        }
        boolean hashed = !k.path("generatorOptions").path("disableNameSuffixHash").asBoolean(false);
        for (String generator : List.of("secretGenerator", "configMapGenerator")) {
            for (JsonNode spec : k.path(generator)) {
                if (hashed) {
                    throw new IllegalArgumentException(dir + ": generators need disableNameSuffixHash: true here");
                }
                out.add(generate(dir, spec, generator.equals("secretGenerator")));
            }
        }
        for (JsonNode patch : k.path("patches")) {
            applyPatch(dir, patch, out);
        }
        if (k.has("namespace")) {
            for (ObjectNode doc : out) {
                if (!CLUSTER_SCOPED.contains(doc.path("kind").asText())) {
                    metadata(doc).put("namespace", k.get("namespace").asText());
                }
            }
        }
        for (JsonNode label : k.path("labels")) {
            if (label.path("includeSelectors").asBoolean(false) || label.path("includeTemplates").asBoolean(false)) {
                throw new IllegalArgumentException(dir + ": labels only on metadata (no selectors, no templates) here");
            }
            for (ObjectNode doc : out) {
                ObjectNode labels = metadata(doc).has("labels") ? (ObjectNode) metadata(doc).get("labels")
                        : metadata(doc).putObject("labels");
                label.path("pairs").fields().forEachRemaining(e -> labels.set(e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    /** The YAML documents of a file, comments and empty documents dropped. */
    static List<ObjectNode> readAll(Path file) {
        try (YAMLParser parser = new YAMLFactory().createParser(Files.readString(file))) {
            List<ObjectNode> docs = new ArrayList<>();
            Iterator<JsonNode> it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    if (!doc.isObject()) {
                        throw new IllegalArgumentException(file + ": a document that is not a mapping");
                    }
                    docs.add((ObjectNode) doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    private static ObjectNode generate(Path dir, JsonNode spec, boolean secret) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode env : spec.path("envs")) {
            try {
                for (String line : Files.readAllLines(dir.resolve(env.asText()), StandardCharsets.UTF_8)) {
                    String trimmed = line.strip();
                    if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                        int eq = trimmed.indexOf('=');
                        values.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (JsonNode literal : spec.path("literals")) {
            String text = literal.asText();
            values.put(text.substring(0, text.indexOf('=')), text.substring(text.indexOf('=') + 1));
        }
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("apiVersion", "v1").put("kind", secret ? "Secret" : "ConfigMap");
        doc.putObject("metadata").put("name", spec.path("name").asText());
        ObjectNode data = doc.putObject("data");
        values.forEach((key, value) -> data.put(key, secret
                ? Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) : value));
        if (secret) {
            doc.put("type", spec.path("type").asText("Opaque"));
        }
        return doc;
    }

    private static void applyPatch(Path dir, JsonNode entry, List<ObjectNode> docs) {
        List<ObjectNode> patches = entry.has("path") ? readAll(dir.resolve(entry.get("path").asText()))
                : List.of((ObjectNode) readInline(entry.path("patch").asText()));
        for (ObjectNode patch : patches) {
            List<ObjectNode> targets = docs.stream().filter(doc -> entry.has("target")
                    ? matches(doc, entry.get("target")) : sameObject(doc, patch)).toList();
            if (targets.isEmpty()) {
                throw new IllegalArgumentException(dir + ": patch " + entry + " matches nothing");
            }
            boolean builtin = isBuiltin(patch.path("apiVersion").asText());
            for (ObjectNode target : targets) {
                ObjectNode body = patch.deepCopy();
                body.remove("apiVersion");
                body.remove("kind");
                ((ObjectNode) body.path("metadata")).remove("name");
                merge(target, body, builtin);
            }
        }
    }

    private static JsonNode readInline(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean sameObject(ObjectNode doc, ObjectNode patch) {
        return doc.path("kind").asText().equals(patch.path("kind").asText())
                && doc.path("apiVersion").asText().equals(patch.path("apiVersion").asText())
                && doc.path("metadata").path("name").asText().equals(patch.path("metadata").path("name").asText());
    }

    private static boolean matches(ObjectNode doc, JsonNode target) {
        if (target.has("kind") && !target.get("kind").asText().equals(doc.path("kind").asText())) {
            return false;
        }
        if (target.has("name") && !Pattern.compile(target.get("name").asText())
                .matcher(doc.path("metadata").path("name").asText()).matches()) {
            return false;
        }
        if (target.has("labelSelector")) {
            for (String term : target.get("labelSelector").asText().split(",")) {
                String[] kv = term.strip().split("=", 2);
                if (!kv[1].equals(doc.path("metadata").path("labels").path(kv[0]).asText(null))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isBuiltin(String apiVersion) {
        return !apiVersion.contains(".") || apiVersion.startsWith("apps/") || apiVersion.startsWith("policy/")
                || apiVersion.startsWith("autoscaling/");
    }

    /** Strategic merge: maps merge, null deletes, built-in kinds' keyed lists merge by key, other lists are replaced. */
    static void merge(ObjectNode into, JsonNode patch, boolean builtin) {
        patch.fields().forEachRemaining(e -> {
            String field = e.getKey();
            JsonNode value = e.getValue();
            JsonNode existing = into.get(field);
            if (field.startsWith("$")) {
                throw new IllegalArgumentException("patch directive " + field + " is not supported here");
            }
            if (value.isNull()) {
                into.remove(field);
            } else if (value.isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, value, builtin);
            } else if (value.isArray() && existing != null && existing.isArray() && builtin
                    && MERGE_KEYS.containsKey(field)) {
                mergeList((ArrayNode) existing, (ArrayNode) value, MERGE_KEYS.get(field), builtin);
            } else {
                into.set(field, value.deepCopy());
            }
        });
    }

    /** Items new to the list go first, in the patch's order, as kustomize puts them. */
    private static void mergeList(ArrayNode into, ArrayNode patch, String key, boolean builtin) {
        int inserted = 0;
        for (JsonNode item : patch) {
            ObjectNode same = null;
            for (JsonNode present : into) {
                if (present.path(key).equals(item.path(key))) {
                    same = (ObjectNode) present;
                }
            }
            if (same == null) {
                into.insert(inserted++, item.deepCopy());
            } else {
                merge(same, item, builtin);
            }
        }
    }

    private static ObjectNode metadata(ObjectNode doc) {
        return doc.has("metadata") ? (ObjectNode) doc.get("metadata") : doc.putObject("metadata");
    }
}
