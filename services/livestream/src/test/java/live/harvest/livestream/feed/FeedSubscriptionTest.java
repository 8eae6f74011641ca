package live.harvest.livestream.feed;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.livestream.stream.FeedNotice;
import live.harvest.livestream.support.Given;
import live.harvest.livestream.support.SseClient;
import live.harvest.testkit.catalog.CatalogDouble;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The instance's Redis subscription for the feed: made at startup on a connection of its own, not on a viewer's
 * request thread (where Quarkus' subscribeToPattern could drop its own PSUBSCRIBE confirmation when the request's
 * event loop was not the connection's, hanging the request for 10 s and failing it with 500), and remade when lost.
 */
@QuarkusTest
@WithTestResource(CatalogDouble.class)
class FeedSubscriptionTest {

    @Inject
    FeedHub hub;

    @Inject
    RedisDataSource redis;

    @Test
    void theInstanceIsSubscribedWithoutWaitingForAViewer() {
        await().atMost(Duration.ofSeconds(10)).until(hub::subscribed);
        String connection = feedConnection().orElseThrow(() -> new AssertionError("no Redis connection named "
                + hub.connectionName() + " in CLIENT LIST"));
        assertTrue(connection.contains(" psub=2"),
                "the feed's connection holds its two patterns (the feeds, orders' stock hints): " + connection);
    }

    @Test
    void manyViewersOpeningTheirFeedsAtOnceAllGetTheirSnapshotQuickly() {
        // Each client opens its own HTTP connection, so the requests are spread over the server's event loops.
        UUID stream = Given.liveStream(Given.verifiedSeller());
        List<SseClient> viewers = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                viewers.add(SseClient.open(feed(stream)));
            }
            for (SseClient viewer : viewers) {
                assertEquals(200, viewer.status());
                viewer.awaitEvent("snapshot", data -> data.path("streamId").asText().equals(stream.toString()));
            }
        } finally {
            viewers.forEach(SseClient::close);
        }
    }

    @Test
    void whenTheSubscriptionIsLostViewersAreEndedAndResumeFromASnapshotOnceItIsBack() {
        // Given a viewer of a live stream
        UUID stream = Given.liveStream(Given.verifiedSeller());
        await().atMost(Duration.ofSeconds(10)).until(hub::subscribed);
        long lastSeen;
        try (SseClient viewer = SseClient.open(feed(stream))) {
            lastSeen = viewer.awaitEvent("snapshot", data -> true).id();

            // When the instance's subscription connection is killed
            String id = field(feedConnection().orElseThrow(), "id");
            redis.execute("CLIENT", "KILL", "ID", id);

            // Then the viewer's feed ends (rather than silently missing events), and the instance subscribes again
            await().atMost(Duration.ofSeconds(10)).until(viewer::ended);
        }
        await().atMost(Duration.ofSeconds(10)).until(hub::subscribed);
        hub.publish(stream, FeedNotice.LIKES, Map.of("likes", 7));

        // and the viewer, reconnecting, gets a snapshot covering what was missed, then every later event
        try (SseClient viewer = SseClient.resume(feed(stream), lastSeen)) {
            SseClient.Event snapshot = viewer.awaitEvent("snapshot", data -> true);
            assertEquals("snapshot", viewer.events().get(0).type());
            assertTrue(snapshot.id() > lastSeen, "the snapshot covers the event published while away");
            long published = hub.publish(stream, FeedNotice.LIKES, Map.of("likes", 8));
            viewer.awaitEvent("likes", data -> data.path("likes").asLong() == 8);
            assertEquals(published, viewer.ofType("likes").get(viewer.ofType("likes").size() - 1).id());
        }
    }

    @Test
    void givenRedisLostAStreamsSequenceWhenTheFeedGoesOnThenIdsKeepIncreasingForResumingViewers() {
        // Regression (failure-trust issue): a Redis restart made the feed's ids start again at 1, so a viewer resuming
        // with Last-Event-ID saw ids go back. Given a live stream whose feed has handed out ids
        UUID stream = Given.liveStream(Given.verifiedSeller());
        long first = hub.publish(stream, FeedNotice.LIKES, Map.of("likes", 1));
        long before = hub.publish(stream, FeedNotice.LIKES, Map.of("likes", 2));
        assertEquals(first + 1, before, "ids follow each other while Redis keeps the sequence");

        // When Redis loses the sequence (restart, eviction, failover)
        redis.key().del(FeedHub.sequenceKey(stream));

        // Then the next id is still above every id handed out before, and they go on increasing by one
        long after = hub.publish(stream, FeedNotice.LIKES, Map.of("likes", 3));
        assertTrue(after > before, after + " must be above " + before);
        assertEquals(after + 1, hub.publish(stream, FeedNotice.LIKES, Map.of("likes", 4)));
    }

    private Optional<String> feedConnection() {
        String clients = redis.execute("CLIENT", "LIST").toString();
        return Arrays.stream(clients.split("\r?\n"))
                .filter(line -> (" " + line + " ").contains(" name=" + hub.connectionName() + " "))
                .findFirst();
    }

    private static String field(String clientLine, String name) {
        return Arrays.stream(clientLine.split(" ")).filter(part -> part.startsWith(name + "="))
                .map(part -> part.substring(name.length() + 1)).findFirst().orElseThrow();
    }

    private static String feed(UUID stream) {
        return "/api/v1/streams/" + stream + "/feed";
    }
}
