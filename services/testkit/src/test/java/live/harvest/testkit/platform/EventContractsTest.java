package live.harvest.testkit.platform;

import live.harvest.platform.event.DomainEvent;
import live.harvest.platform.event.EventType;
import live.harvest.platform.event.EventTypes;
import live.harvest.platform.event.Topics;
import live.harvest.testkit.OpenApiContract;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The event contracts are one registry: every record is annotated, named once, published on a known topic, documented. */
@UnitTest
class EventContractsTest {

    private static final Set<String> TOPICS = Set.of(Topics.CATALOG, Topics.LIVESTREAM, Topics.ORDERS, Topics.LOGISTICS);

    @Test
    void everyEventHasAUniqueTypeOnAKnownTopicPrefixedByItsService() {
        Set<String> seen = new HashSet<>();
        for (Class<? extends DomainEvent> event : EventTypes.ALL) {
            EventType contract = EventTypes.contractOf(event);
            assertTrue(event.isRecord(), event + " should be a record");
            assertTrue(seen.add(contract.value()), "duplicate event type " + contract.value());
            assertTrue(TOPICS.contains(contract.topic()), contract.value() + " has an unknown topic");
            String service = contract.value().substring(0, contract.value().indexOf('.'));
            assertEquals("harvest." + service + ".events", contract.topic(), contract.value() + " is on another service's topic");
            assertTrue(contract.version() >= 1);
            assertEquals(event, EventTypes.byType(contract.value()).orElseThrow());
        }
        assertEquals(35, seen.size(), "a new event needs its row in docs/events.md and here");
    }

    @Test
    void everyEventTypeIsDocumented() throws IOException {
        String doc = Files.readString(OpenApiContract.repoRoot().resolve("docs/events.md"));
        List<String> missing = EventTypes.ALL.stream().map(c -> EventTypes.contractOf(c).value())
                .filter(type -> !doc.contains("`" + type + "`")).toList();
        assertTrue(missing.isEmpty(), "docs/events.md lacks " + missing);
    }
}
