package live.harvest.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the schemas cannot see: each service Deployment has its probes, resources, PodDisruptionBudget, Service and
 * autoscaler; it is configured through environment variables the service really reads (its application.properties
 * and the platform's defaults); its secrets come from Secrets, and every Secret and key named anywhere exists.
 */
@UnitTest
class ServiceDeploymentsTest {

    static final List<String> SERVICES = List.of("catalog", "livestream", "orders", "logistics", "integrations");
    /** Read by the JVM or mapped by Quarkus itself (QUARKUS_REDIS_HOSTS is quarkus.redis.hosts), not by our files. */
    private static final Pattern PLATFORM_NAMES = Pattern.compile("QUARKUS_[A-Z0-9_]+|JAVA_TOOL_OPTIONS");
    /** Secrets the operators create: CloudNativePG's <cluster>-app for each Cluster's owner role. */
    private static final Set<String> OPERATOR_SECRET_KEYS = Set.of("username", "password");

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/small", "overlays/production"})
    void givenEveryService_whenRendered_thenItHasProbesResourcesABudgetAServiceAndAnAutoscaler(String kustomization) {
        List<ObjectNode> docs = Manifests.render(kustomization);
        for (String service : SERVICES) {
            ObjectNode deployment = Manifests.named(docs, "Deployment", service);
            JsonNode app = container(deployment);
            assertEquals("/q/health/ready", app.path("readinessProbe").path("httpGet").path("path").asText(), service);
            assertEquals("/q/health/live", app.path("livenessProbe").path("httpGet").path("path").asText(), service);
            assertFalse(app.path("resources").path("requests").path("cpu").isMissingNode(), service);
            assertFalse(app.path("resources").path("requests").path("memory").isMissingNode(), service);
            assertFalse(app.path("resources").path("limits").path("memory").isMissingNode(), service);

            JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
            assertEquals(deployment.path("spec").path("selector").path("matchLabels"),
                    Manifests.named(docs, "PodDisruptionBudget", service).path("spec").path("selector")
                            .path("matchLabels"), service);
            assertTrue(selects(Manifests.named(docs, "Service", service).path("spec").path("selector"), podLabels));
            JsonNode hpa = Manifests.named(docs, "HorizontalPodAutoscaler", service).path("spec");
            assertEquals("Deployment", hpa.path("scaleTargetRef").path("kind").asText());
            assertEquals(service, hpa.path("scaleTargetRef").path("name").asText());
            assertTrue(hpa.path("minReplicas").asInt() <= hpa.path("maxReplicas").asInt(), service);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/small", "overlays/production"})
    void givenEveryService_whenRendered_thenEachVariableItGetsIsOneTheServicesRead(String kustomization) {
        List<ObjectNode> docs = Manifests.render(kustomization);
        for (String service : SERVICES) {
            Set<String> reads = readBy(service);
            for (String name : environment(docs, Manifests.named(docs, "Deployment", service)).keySet()) {
                assertTrue(reads.contains(name) || PLATFORM_NAMES.matcher(name).matches() || sharedAndReadElsewhere(name),
                        () -> service + " is given " + name + ", which neither it nor the platform reads");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/small", "overlays/production"})
    void givenEveryService_whenRendered_thenItsDatabaseBrokerIssuerAndSecretsAreSet(String kustomization) {
        List<ObjectNode> docs = Manifests.render(kustomization);
        for (String service : SERVICES) {
            Map<String, JsonNode> env = environment(docs, Manifests.named(docs, "Deployment", service));
            for (String needed : List.of("DB_HOST", "DB_NAME", "DB_USER", "DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS",
                    "OIDC_AUTH_SERVER_URL", "OIDC_CLIENT_SECRET", "QUARKUS_PROFILE")) {
                assertTrue(env.containsKey(needed), () -> service + " lacks " + needed);
            }
            // Whatever the service reads as a secret or password (its local default is a demo value) comes from a Secret.
            for (String name : readBy(service)) {
                if (name.endsWith("SECRET") || name.endsWith("PASSWORD")) {
                    assertTrue(env.containsKey(name), () -> service + " reads " + name + " but is not given it");
                    assertTrue(env.get(name).has("secretKeyRef"),
                            () -> service + " gets " + name + " from somewhere else than a Secret");
                }
            }
            assertEquals("harvest_" + service, env.get("DB_NAME").path("value").asText());
            assertEquals(service + "-db-rw", env.get("DB_HOST").path("value").asText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/small", "overlays/production"})
    void givenEverySecretReference_whenRendered_thenTheSecretAndItsKeyExist(String kustomization) {
        List<ObjectNode> docs = Manifests.render(kustomization);
        Map<String, Set<String>> secrets = new HashMap<>();
        for (ObjectNode secret : Manifests.ofKind(docs, "Secret")) {
            Set<String> keys = new HashSet<>();
            secret.path("data").fieldNames().forEachRemaining(keys::add);
            secrets.put(secret.path("metadata").path("name").asText(), keys);
        }
        for (ObjectNode cluster : Manifests.ofKind(docs, "Cluster")) {
            secrets.put(cluster.path("metadata").path("name").asText() + "-app", OPERATOR_SECRET_KEYS);
        }
        List<JsonNode> references = new ArrayList<>();
        docs.forEach(doc -> collect(doc, references));
        assertFalse(references.isEmpty());
        for (JsonNode ref : references) {
            String name = ref.path("name").asText();
            assertTrue(secrets.containsKey(name), () -> "no Secret " + name);
            assertTrue(secrets.get(name).contains(ref.path("key").asText()), () -> "Secret " + name + " has no key " + ref);
        }
        for (ObjectNode map : Manifests.ofKind(docs, "ConfigMap")) {
            assertFalse(map.path("metadata").path("name").asText().isEmpty());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/small", "overlays/production"})
    void givenTheCommittedSecrets_whenRendered_thenTheyHoldPlaceholdersOnly(String kustomization) {
        for (ObjectNode secret : Manifests.ofKind(Manifests.render(kustomization), "Secret")) {
            secret.path("data").fields().forEachRemaining(e -> assertEquals("REPLACE_ME",
                    new String(Base64.getDecoder().decode(e.getValue().asText())), e.getKey()));
        }
    }

    /** Every secretKeyRef, and the Secret references of the Keycloak and realm import resources. */
    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("secretKeyRef") || e.getKey().equals("usernameSecret")
                        || e.getKey().equals("passwordSecret")
                        || (e.getKey().equals("secret") && e.getValue().has("key"))) {
                    into.add(e.getValue());
                } else {
                    collect(e.getValue(), into);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, into));
        }
    }

    private static JsonNode container(ObjectNode deployment) {
        for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
            if (container.path("name").asText().equals("app")) {
                return container;
            }
        }
        throw new AssertionError("no container app in " + deployment.path("metadata").path("name"));
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        List<String> missing = new ArrayList<>();
        selector.fields().forEachRemaining(e -> {
            if (!e.getValue().equals(labels.path(e.getKey()))) {
                missing.add(e.getKey());
            }
        });
        return missing.isEmpty() && selector.size() > 0;
    }

    /** The variables a Deployment's container gets: its env, and every key of the ConfigMaps in its envFrom. */
    static Map<String, JsonNode> environment(List<ObjectNode> docs, ObjectNode deployment) {
        Map<String, JsonNode> env = new HashMap<>();
        JsonNode app = container(deployment);
        for (JsonNode from : app.path("envFrom")) {
            ObjectNode map = Manifests.named(docs, "ConfigMap", from.path("configMapRef").path("name").asText());
            map.path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue()));
        }
        for (JsonNode variable : app.path("env")) {
            env.put(variable.path("name").asText(), variable.has("valueFrom") ? variable.get("valueFrom") : variable);
        }
        return env;
    }

    /** Environment variables a service's configuration names: ${NAME...} in its application.properties and the platform's. */
    static Set<String> readBy(String service) {
        Set<String> names = new HashSet<>();
        for (Path file : List.of(Manifests.REPO.resolve("services/" + service + "/src/main/resources/application.properties"),
                Manifests.REPO.resolve("services/platform/src/main/resources/META-INF/microprofile-config.properties"))) {
            try {
                Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+)").matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    /** A key of the shared ConfigMap that only some services read (KEYCLOAK_URL: integrations; CATALOG_URL: two). */
    private static boolean sharedAndReadElsewhere(String name) {
        return SERVICES.stream().anyMatch(service -> readBy(service).contains(name));
    }
}
