package live.harvest.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

@UnitTest
class ManifestSchemaTest {

    /** Every kind deploy/k8s deploys; a kind added or lost in a rendering shows here before it reaches a cluster. */
    private static final Set<String> KINDS = Set.of("v1 Namespace", "v1 ConfigMap", "v1 Secret", "v1 Service",
            "apps/v1 Deployment", "apps/v1 StatefulSet", "policy/v1 PodDisruptionBudget",
            "autoscaling/v2 HorizontalPodAutoscaler", "kafka.strimzi.io/v1 Kafka", "kafka.strimzi.io/v1 KafkaNodePool",
            "kafka.strimzi.io/v1 KafkaTopic", "postgresql.cnpg.io/v1 Cluster", "k8s.keycloak.org/v2alpha1 Keycloak",
            "k8s.keycloak.org/v2alpha1 KeycloakRealmImport");

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/small", "overlays/production"})
    void givenAKustomization_whenRendered_thenEveryDocumentMatchesTheSchemaOfItsKind(String kustomization) {
        List<ObjectNode> docs = Manifests.render(kustomization);

        assertEquals(List.of(), Manifests.problems(docs, Manifests.K8S.resolve("schemas")));
        Set<String> kinds = new TreeSet<>();
        docs.forEach(doc -> kinds.add(doc.path("apiVersion").asText() + " " + doc.path("kind").asText()));
        assertEquals(new TreeSet<>(KINDS), kinds);
        assertEquals(47, docs.size(), "documents rendered");
    }
}
