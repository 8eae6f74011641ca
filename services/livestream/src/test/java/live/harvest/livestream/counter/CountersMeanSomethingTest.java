package live.harvest.livestream.counter;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import live.harvest.livestream.feed.AnonymousViewerIds;
import live.harvest.livestream.support.Given;
import live.harvest.livestream.support.SseClient;
import live.harvest.testkit.Tokens;
import live.harvest.testkit.catalog.CatalogDouble;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Likes count once per signed-in viewer; unique viewers count token subjects and issued anonymous ids (ADR 0015). */
@QuarkusTest
@WithTestResource(CatalogDouble.class)
class CountersMeanSomethingTest {

    /** Issue 12 saw 500 sockets; 60 keep the meaning and the run short. */
    private static final int MADE_UP_FEEDS = 60;

    @Inject
    Counters counters;

    @Inject
    AnonymousViewerIds anonymousIds;

    @Inject
    RedisDataSource redis;

    @Test
    void givenOneAccount_whenItLikesAStream300Times_thenTheStreamHasOneLikeFromIt() {
        // Given a live stream and one signed-in account
        UUID seller = Given.verifiedSeller();
        UUID stream = Given.liveStream(seller);
        String account = Tokens.consumer(UUID.randomUUID());

        // When it likes the stream 300 times
        like(stream, account).body("likes", equalTo(1)).body("counted", equalTo(true));
        for (int i = 1; i < 300; i++) {
            // Then every repeat answers 200 with the unchanged count, saying it was not counted
            like(stream, account).body("likes", equalTo(1)).body("counted", equalTo(false));
        }

        // and another account's like is the second one, and the stream ends with the two
        like(stream, Tokens.consumer(UUID.randomUUID())).body("likes", equalTo(2)).body("counted", equalTo(true));
        Given.act(seller, stream, "end").then().statusCode(200).body("counters.likes", equalTo(2));
    }

    @Test
    void givenAnAnonymousCaller_whenItLikesAStream_thenItIsRefused() {
        UUID stream = Given.liveStream(Given.verifiedSeller());

        given().post("/api/v1/streams/" + stream + "/likes").then().statusCode(401);

        assertEquals(0, counters.live(stream).likes());
    }

    @Test
    void givenAnAccountThatLiked_whenRedisLosesTheCountersAndItLikesAgain_thenItIsStillOneLike() {
        // Given a live stream liked once by an account, then Redis loses its keys before any checkpoint could matter
        UUID stream = Given.liveStream(Given.verifiedSeller());
        String account = Tokens.consumer(UUID.randomUUID());
        like(stream, account).body("likes", equalTo(1));
        List<String> keys = redis.key().keys("live:stream:{" + stream + "}:*");
        redis.key().del(keys.toArray(String[]::new));

        // When it likes again, then that is not counted and the restored count is the one like
        like(stream, account).body("likes", equalTo(1)).body("counted", equalTo(false));
        // and a new account's like restores nothing twice and counts once
        like(stream, Tokens.consumer(UUID.randomUUID())).body("likes", equalTo(2)).body("counted", equalTo(true));
        assertEquals(2, counters.live(stream).likes());
    }

    @Test
    void givenViewersWithMadeUpIds_whenTheyOpen500Feeds_thenUniqueViewersDoNotGrow() {
        // Given a live stream with one real anonymous viewer
        UUID stream = Given.liveStream(Given.verifiedSeller());
        String issued = snapshotOf(SseClient.open(feed(stream))).path("viewerId").asText();
        assertEquals(1, counters.live(stream).uniqueViewers());
        String tampered = issued.substring(0, 30) + (issued.charAt(30) == 'A' ? 'B' : 'A') + issued.substring(31);

        // When viewers open feeds with ids the feed did not issue: made up, and one issued id with its MAC altered
        for (int i = 0; i < MADE_UP_FEEDS; i++) {
            String madeUp = i == 0 ? tampered : "viewer-" + UUID.randomUUID();
            try (SseClient viewer = SseClient.open(feed(stream) + "?viewerId=" + madeUp)) {
                // Then they still watch, and are handed an issued id for next time
                assertEquals(200, viewer.status());
                String handedBack = viewer.awaitEvent("snapshot", data -> true).data().path("viewerId").asText();
                assertNotEquals(madeUp, handedBack);
                assertTrue(anonymousIds.issued(handedBack));
            }
        }

        // and unique viewers did not grow
        assertEquals(1, counters.live(stream).uniqueViewers());
        assertFalse(anonymousIds.issued(tampered));
    }

    @Test
    void givenAnAnonymousViewerWithItsIssuedId_whenItComesBackThreeTimes_thenItIsOneUniqueViewer() {
        // Given an anonymous viewer who opened the feed once and was issued an id
        UUID stream = Given.liveStream(Given.verifiedSeller());
        String issued = snapshotOf(SseClient.open(feed(stream))).path("viewerId").asText();
        assertTrue(anonymousIds.issued(issued));

        // When it comes back with that id three times
        for (int i = 0; i < 3; i++) {
            assertEquals(issued, snapshotOf(SseClient.open(feed(stream) + "?viewerId=" + issued))
                    .path("viewerId").asText());
        }

        // Then it is one unique viewer
        assertEquals(1, counters.live(stream).uniqueViewers());
    }

    @Test
    void givenASignedInViewer_whenItOpensTheFeedTwiceWithMadeUpIds_thenItIsOneUniqueViewerByItsToken() {
        // Given a live stream and a signed-in viewer
        UUID stream = Given.liveStream(Given.verifiedSeller());
        String token = Tokens.consumer(UUID.randomUUID());

        // When it opens the feed twice, each time with another (ignored) anonymous id
        for (int i = 0; i < 2; i++) {
            String path = feed(stream) + "?viewerId=viewer-" + UUID.randomUUID();
            // Then it is not handed an anonymous id: it counts as its token's subject
            JsonNode handedBack = snapshotOf(SseClient.signedIn(path, token)).path("viewerId");
            assertTrue(handedBack.isNull() || handedBack.isMissingNode());
        }

        assertEquals(1, counters.live(stream).uniqueViewers());
    }

    /** The snapshot of a feed opened and closed again. */
    private static JsonNode snapshotOf(SseClient client) {
        try (client) {
            assertEquals(200, client.status());
            return client.awaitEvent("snapshot", data -> true).data();
        }
    }

    private static ValidatableResponse like(UUID stream, String token) {
        return given().auth().oauth2(token).post("/api/v1/streams/" + stream + "/likes").then().statusCode(200);
    }

    private static String feed(UUID stream) {
        return "/api/v1/streams/" + stream + "/feed";
    }
}
