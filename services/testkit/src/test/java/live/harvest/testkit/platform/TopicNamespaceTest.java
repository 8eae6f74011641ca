package live.harvest.testkit.platform;

import io.quarkus.test.junit.QuarkusTest;
import live.harvest.platform.event.Topics;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Tokens;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ADR 0017: the tests live in their own namespace on the broker, so a stack running beside them never sees them. */
@QuarkusTest
class TopicNamespaceTest {

    @Test
    void givenTheTestProfile_whenTheOutboxRelaysAnEvent_thenItLandsOnTheTestTopicAndNotOnTheStacksTopic() {
        try (KafkaProbe stacks = KafkaProbe.watchOutsideTheNamespace(Topics.LOGISTICS);
             KafkaProbe tests = KafkaProbe.watch(Topics.LOGISTICS)) {
            // Given a committed change that recorded a logistics event
            UUID shipmentId = UUID.randomUUID();
            given().auth().oauth2(Tokens.admin()).post("/probe/publish/" + shipmentId + "/false")
                    .then().statusCode(200);

            // Then it reaches test.harvest.logistics.events
            tests.await(r -> shipmentId.toString().equals(r.key()), Duration.ofSeconds(20));
            assertEquals("test." + Topics.LOGISTICS, KafkaProbe.onBroker(Topics.LOGISTICS));
            // and never the topic the stack's services read
            assertTrue(stacks.received().stream().noneMatch(r -> shipmentId.toString().equals(r.key())));
        }
    }

    @Test
    void givenTheTestProfile_thenEveryChannelReadsAndDeadLettersInTheTestNamespace() {
        Config config = ConfigProvider.getConfig();
        List<String> topicProperties = StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith("mp.messaging.") && name.endsWith(".topic")).toList();

        assertFalse(topicProperties.isEmpty());
        for (String property : topicProperties) {
            String topic = config.getValue(property, String.class);
            assertTrue(topic.startsWith("test.harvest."), property + " = " + topic);
        }
        assertEquals("test." + Topics.deadLetter(ProbeEvents.CONSUMER),
                config.getValue("mp.messaging.incoming.probe-in.dead-letter-queue.topic", String.class));
    }
}
