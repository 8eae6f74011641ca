package live.harvest.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kustomization reader refuses what it does not implement, and merges as kustomize does. */
@UnitTest
class KustomizationTest {

    private static Path sample(String name) throws URISyntaxException {
        return Path.of(KustomizationTest.class.getResource("/" + name).toURI());
    }

    @Test
    void givenAKustomizeFeatureTheReaderLacks_whenRendered_thenItRefusesInsteadOfSkippingIt() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Kustomization.render(sample("unsupported")));
        assertTrue(refused.getMessage().contains("'images' is not supported"), refused.getMessage());
    }

    @Test
    void givenAPatchWhoseTargetIsGone_whenRendered_thenItFails() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Kustomization.render(sample("unmatched")));
        assertTrue(refused.getMessage().contains("matches nothing"), refused.getMessage());
    }

    @Test
    void givenAContainerPatch_whenMerged_thenContainersMergeByNameAndNewVariablesComeFirst() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode deployment = (ObjectNode) json.readTree("""
                {"spec":{"template":{"spec":{"containers":[{"name":"app","image":"a:1","env":[{"name":"A","value":"1"}]},
                {"name":"side","image":"s:1"}]}}}}""");
        JsonNode patch = json.readTree("""
                {"spec":{"template":{"spec":{"containers":[{"name":"app","env":[{"name":"B","value":"2"},
                {"name":"A","value":"3"}]}]}}}}""");

        Kustomization.merge(deployment, patch, true);

        JsonNode containers = deployment.path("spec").path("template").path("spec").path("containers");
        assertEquals(2, containers.size());
        assertEquals("a:1", containers.get(0).path("image").asText());
        assertEquals(json.readTree("[{\"name\":\"B\",\"value\":\"2\"},{\"name\":\"A\",\"value\":\"3\"}]"),
                containers.get(0).path("env"));
    }

    @Test
    void givenACustomResourcePatch_whenMerged_thenItsListsAreReplacedWhole() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode pool = (ObjectNode) json.readTree("{\"spec\":{\"roles\":[\"controller\",\"broker\"],\"replicas\":3}}");

        Kustomization.merge(pool, json.readTree("{\"spec\":{\"roles\":[\"broker\"]}}"), false);

        assertEquals(List.of("broker"), Manifests.list(pool.path("spec").path("roles")).stream().map(JsonNode::asText)
                .toList());
        assertEquals(3, pool.path("spec").path("replicas").asInt());
    }
}
