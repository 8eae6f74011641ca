package live.harvest.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check can fail: a sample with known mistakes (src/test/resources/broken) is reported, mistake by mistake. */
@UnitTest
class ManifestSchemaFailsTest {

    private static List<String> problems() throws URISyntaxException {
        Path broken = Path.of(ManifestSchemaFailsTest.class.getResource("/broken").toURI());
        List<ObjectNode> docs = Kustomization.render(broken);
        assertEquals(5, docs.size());
        return Manifests.problems(docs, Manifests.K8S.resolve("schemas"));
    }

    private static void assertReported(List<String> problems, String object, String... words) {
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(object + ": ")
                        && List.of(words).stream().allMatch(p::contains)),
                () -> object + " " + List.of(words) + " not among " + problems);
    }

    @Test
    void givenATypoInAFieldName_whenChecked_thenTheUnknownFieldIsReported() throws Exception {
        assertReported(problems(), "Deployment typo", "readinesProbe", "not defined in the schema");
    }

    @Test
    void givenTextWhereANumberBelongs_whenChecked_thenTheTypeIsReported() throws Exception {
        List<String> problems = problems();
        assertReported(problems, "Deployment typo", "replicas", "integer");
        assertReported(problems, "KafkaTopic wrong-topic", "partitions", "integer");
    }

    @Test
    void givenAFieldACustomResourceDoesNotKnow_whenChecked_thenItIsReported() throws Exception {
        assertReported(problems(), "KafkaTopic wrong-topic", "replication", "not defined in the schema");
    }

    @Test
    void givenARequiredFieldMissing_whenChecked_thenItIsReported() throws Exception {
        assertReported(problems(), "Cluster no-instances", "instances", "required");
    }

    @Test
    void givenAKindWithoutSchema_whenChecked_thenItFailsInsteadOfPassingUnchecked() throws Exception {
        assertReported(problems(), "CronJob unknown-kind", "no schema for batch/v1 CronJob");
    }

    @Test
    void givenAnUnknownTopLevelField_whenChecked_thenItIsReported() throws Exception {
        assertReported(problems(), "Deployment no-spec", "unexpected", "not defined in the schema");
    }
}
