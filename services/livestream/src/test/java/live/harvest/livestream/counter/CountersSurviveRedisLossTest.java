package live.harvest.livestream.counter;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import live.harvest.livestream.support.Given;
import live.harvest.livestream.support.SseClient;
import live.harvest.testkit.Tokens;
import live.harvest.testkit.catalog.CatalogDouble;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redis holds nothing PostgreSQL cannot rebuild (ADR 0012). A loss is simulated by deleting one stream's keys: other
 * tests share this Redis database, so it is never flushed.
 */
@QuarkusTest
@WithTestResource(CatalogDouble.class)
class CountersSurviveRedisLossTest {

    private static final Duration CHECKPOINTED = Duration.ofSeconds(15);

    @Inject
    RedisDataSource redis;

    @Inject
    CounterCheckpoints checkpoints;

    @Inject
    Counters counters;

    @Inject
    DataSource db;

    @Test
    void givenALiveStreamWithLikesAndViewers_whenRedisLosesItsCounters_thenTheyComeBackFromPostgresAndNeverGoBackwards() {
        // Given a live stream with two viewers and three likes, checkpointed
        UUID seller = Given.verifiedSeller();
        UUID stream = Given.liveStream(seller);
        try (SseClient first = viewer(stream); SseClient second = viewer(stream)) {
            first.awaitEvent("snapshot", data -> true);
            second.awaitEvent("snapshot", data -> true);
            for (int i = 0; i < 3; i++) {
                like(stream);
            }
            await().atMost(CHECKPOINTED).until(() -> checkpoints.restorable(stream).map(
                    c -> c.likes() == 3 && c.peakViewers() == 2 && c.uniqueViewers() == 2).orElse(false));
            JsonPath before = results(seller, stream);

            // When Redis loses the stream's keys
            loseRedisKeys(stream);
            // and then a like and a third viewer come in
            long likes = like(stream);
            try (SseClient third = viewer(stream)) {
                SseClient.Event snapshot = third.awaitEvent("snapshot", data -> true);

                // Then the like counts on top of the checkpointed ones
                assertEquals(4, likes);
                // and the third viewer sees all three connections, three unique viewers and the four likes
                assertEquals(3, snapshot.data().path("viewers").asLong());
                assertEquals(3, snapshot.data().path("uniqueViewers").asLong());
                assertEquals(4, snapshot.data().path("likes").asLong());
                // and the results never went below what they were before the loss, and include the new ones
                JsonPath after = results(seller, stream);
                assertEquals(List.of(2, 2, 3), List.of(before.getInt("peakViewers"), before.getInt("uniqueViewers"),
                        before.getInt("likes")));
                assertEquals(List.of(3, 3, 4), List.of(after.getInt("peakViewers"), after.getInt("uniqueViewers"),
                        after.getInt("likes")));
            }
        }
    }

    @Test
    void givenViewersOnThisInstance_whenAnotherInstanceRestoredTheCountersWithoutThem_thenTheyAreAddedBack() {
        // Given a live stream with two viewers on this instance, both counted
        UUID stream = Given.liveStream(Given.verifiedSeller());
        try (SseClient first = viewer(stream); SseClient second = viewer(stream)) {
            first.awaitEvent("viewers", data -> data.path("current").asLong() == 2);
            long seen = first.events().get(first.events().size() - 1).id();

            // When Redis holds the stream's counters again but without this instance's connections (as when another
            // instance restored them after a loss)
            redis.key().del(Counters.key(stream, "watching"));

            // Then this instance writes its two connections back, and the feed says so
            await().atMost(CHECKPOINTED).until(() -> counters.live(stream).currentViewers() == 2);
            await().atMost(CHECKPOINTED).until(() -> first.ofType("viewers").stream()
                    .anyMatch(e -> e.id() > seen && e.data().path("current").asLong() == 2));
        }
    }

    @Test
    void givenALiveStreamWhoseRedisCountersWereLost_whenItEnds_thenItsFiguresComeFromTheCheckpoint() throws Exception {
        // Given a live stream with two likes, checkpointed, whose Redis keys are then lost
        UUID seller = Given.verifiedSeller();
        UUID stream = Given.liveStream(seller);
        like(stream);
        like(stream);
        await().atMost(CHECKPOINTED).until(() -> checkpoints.restorable(stream).map(c -> c.likes() == 2)
                .orElse(false));
        loseRedisKeys(stream);

        // When the anchor ends it with nothing counted since
        long likes = ((Number) Given.act(seller, stream, "end").then().statusCode(200).extract()
                .path("counters.likes")).longValue();

        // Then the stream keeps its two likes
        assertEquals(2, likes);
        // and its checkpoint is gone: the figures are on the stream row now
        assertEquals(0, checkpointRows(stream));
    }

    @Test
    void givenACheckpoint_whenAnOlderOneIsSavedAfterIt_thenNoFigureGoesBackwards() {
        // Given a checkpoint of a live stream
        UUID stream = Given.liveStream(Given.verifiedSeller());
        byte[] newerHll = {1, 2, 3};
        checkpoints.save(List.of(new Checkpoint(stream, 10, 5, 7, newerHll, Instant.now())));

        // When another instance saves what it read earlier: fewer likes and unique viewers, but a higher peak
        checkpoints.save(List.of(new Checkpoint(stream, 8, 6, 6, new byte[]{9}, Instant.now().minusSeconds(1))));

        // Then every figure keeps its larger value, and the HyperLogLog goes with the larger unique count
        Checkpoint kept = checkpoints.restorable(stream).orElseThrow();
        assertEquals(List.of(10L, 6L, 7L), List.of(kept.likes(), kept.peakViewers(), kept.uniqueViewers()));
        assertArrayEquals(newerHll, kept.uniqueHll());
    }

    private void loseRedisKeys(UUID stream) {
        List<String> keys = redis.key().keys("live:stream:{" + stream + "}:*");
        assertTrue(keys.contains(Counters.key(stream, "likes")), "the stream's keys exist before the loss: " + keys);
        redis.key().del(keys.toArray(String[]::new));
    }

    private long checkpointRows(UUID stream) throws Exception {
        try (Connection connection = db.getConnection(); PreparedStatement query = connection.prepareStatement(
                "select count(*) from stream_counter_checkpoint where stream_id = ?")) {
            query.setObject(1, stream);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static SseClient viewer(UUID stream) {
        return SseClient.open("/api/v1/streams/" + stream + "/feed");
    }

    private static long like(UUID stream) {
        return ((Number) given().auth().oauth2(Tokens.consumer(UUID.randomUUID()))
                .post("/api/v1/streams/" + stream + "/likes").then().statusCode(200).extract().path("likes"))
                .longValue();
    }

    private static JsonPath results(UUID seller, UUID stream) {
        return given().auth().oauth2(Tokens.seller(seller)).get("/api/v1/streams/" + stream + "/results")
                .then().statusCode(200).extract().jsonPath();
    }
}
