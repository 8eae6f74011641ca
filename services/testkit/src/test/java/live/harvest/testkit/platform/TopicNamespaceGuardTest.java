package live.harvest.testkit.platform;

import live.harvest.platform.event.TopicNamespaceGuard;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A service in a namespace (tests, e2e) must not name a topic outside it (ADR 0017); the stack has no namespace. */
class TopicNamespaceGuardTest {

    private static final Map<String, String> CHANNELS = Map.of(
            "mp.messaging.incoming.orders-events.connector", "smallrye-kafka",
            "mp.messaging.incoming.orders-events.topic", "test.harvest.orders.events",
            "mp.messaging.incoming.orders-events.dead-letter-queue.topic", "test.harvest.dlq.catalog",
            "mp.messaging.incoming.partners.connector", "smallrye-kafka",
            "mp.messaging.incoming.partners.topic", "harvest.partners.events",
            "mp.messaging.incoming.unnamed.connector", "smallrye-kafka");

    @Test
    void givenTheTestNamespace_whenAChannelNamesALiteralTopicOrNoneAtAll_thenBothAreReported() {
        List<String> outside = TopicNamespaceGuard.outside("test.", List.copyOf(CHANNELS.keySet()), CHANNELS::get);

        assertEquals(List.of("mp.messaging.incoming.partners.topic=harvest.partners.events",
                "mp.messaging.incoming.unnamed.topic missing"), outside);
    }

    @Test
    void givenNoNamespace_thenNothingIsOutsideIt() {
        assertEquals(List.of(), TopicNamespaceGuard.outside("", List.copyOf(CHANNELS.keySet()), CHANNELS::get));
    }
}
