package live.harvest.testkit.platform;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import live.harvest.platform.event.TopicNames;
import live.harvest.platform.event.Topics;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The topic names configuration reads come from {@link Topics}, in the deployment's namespace (ADR 0017). */
class TopicNamesTest {

    @Test
    void givenNoPrefix_thenChannelsGetTheContractNames() {
        SmallRyeConfig config = configOf(Map.of("quarkus.application.name", "orders"));

        assertEquals(Topics.ORDERS, config.getValue("harvest.topics.orders", String.class));
        assertEquals(Topics.LIVESTREAM, config.getValue("harvest.topics.livestream", String.class));
        assertEquals(Topics.deadLetter("orders"), config.getValue("harvest.topics.dead-letter", String.class));
    }

    @Test
    void givenAPrefix_thenEveryNameIncludingTheServicesDeadLetterTopicIsInItsNamespace() {
        SmallRyeConfig config = configOf(Map.of("quarkus.application.name", "logistics",
                "harvest.kafka.topic-prefix", "e2e."));

        assertEquals("e2e.harvest.catalog.events", config.getValue("harvest.topics.catalog", String.class));
        assertEquals("e2e.harvest.logistics.events", config.getValue("harvest.topics.logistics", String.class));
        assertEquals("e2e.harvest.orders.events", config.getValue("harvest.topics.orders", String.class));
        assertEquals("e2e.harvest.dlq.logistics", config.getValue("harvest.topics.dead-letter", String.class));
    }

    private static SmallRyeConfig configOf(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new TopicNames(), new PropertiesConfigSource(new HashMap<>(properties), "test", 250))
                .build();
    }
}
