package live.harvest.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import live.harvest.platform.event.Topics;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The broker's topics are declared (auto-creation is off in the cluster), so the declared set must be exactly the
 * platform's contract: every topic of {@link Topics} and the dead-letter topic of every service, each replicated 3
 * times with 2 in-sync copies required, on a 3-node KRaft cluster.
 */
@UnitTest
class KafkaTopicsTest {

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/small", "overlays/production"})
    void givenThePlatformTopics_whenRendered_thenEachIsDeclaredReplicatedThreeTimesWithTwoInSync(String kustomization)
            throws IllegalAccessException {
        List<ObjectNode> docs = Manifests.render(kustomization);
        Set<String> expected = new TreeSet<>();
        for (Field field : Topics.class.getDeclaredFields()) {
            if (Modifier.isPublic(field.getModifiers()) && field.getType() == String.class) {
                expected.add((String) field.get(null));
            }
        }
        ServiceDeploymentsTest.SERVICES.forEach(service -> expected.add(Topics.deadLetter(service)));

        Set<String> declared = new TreeSet<>();
        for (ObjectNode topic : Manifests.ofKind(docs, "KafkaTopic")) {
            JsonNode spec = topic.path("spec");
            declared.add(spec.path("topicName").asText());
            assertEquals(3, spec.path("replicas").asInt(), topic.path("metadata").path("name").asText());
            assertEquals(2, spec.path("config").path("min.insync.replicas").asInt());
            assertTrue(spec.path("partitions").asInt() >= 3);
            assertEquals("harvest", topic.path("metadata").path("labels").path("strimzi.io/cluster").asText());
        }
        assertEquals(expected, declared);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/small", "overlays/production"})
    void givenTheKafkaCluster_whenRendered_thenItIsThreeKRaftNodesWithReplicationThreeAndTwoInSync(String kustomization) {
        List<ObjectNode> docs = Manifests.render(kustomization);
        ObjectNode kafka = Manifests.named(docs, "Kafka", "harvest");
        assertEquals("enabled", kafka.path("metadata").path("annotations").path("strimzi.io/kraft").asText());
        assertEquals("enabled", kafka.path("metadata").path("annotations").path("strimzi.io/node-pools").asText());
        JsonNode config = kafka.path("spec").path("kafka").path("config");
        assertEquals(3, config.path("default.replication.factor").asInt());
        assertEquals(2, config.path("min.insync.replicas").asInt());
        assertEquals(3, config.path("offsets.topic.replication.factor").asInt());
        assertEquals(false, config.path("auto.create.topics.enable").asBoolean(true));

        int controllers = 0;
        int brokers = 0;
        for (ObjectNode pool : Manifests.ofKind(docs, "KafkaNodePool")) {
            assertEquals("harvest", pool.path("metadata").path("labels").path("strimzi.io/cluster").asText());
            List<String> roles = Manifests.list(pool.path("spec").path("roles")).stream().map(JsonNode::asText).toList();
            int replicas = pool.path("spec").path("replicas").asInt();
            controllers += roles.contains("controller") ? replicas : 0;
            brokers += roles.contains("broker") ? replicas : 0;
        }
        assertEquals(3, controllers);
        assertEquals(3, brokers);
    }
}
