package live.harvest.livestream;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import live.harvest.testkit.RateLimitsOn;
import live.harvest.testkit.Tokens;
import live.harvest.testkit.catalog.CatalogDouble;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Likes and feed opens are limited per viewer (ADR 0020): a script cannot send hundreds of likes a second or open
 * feeds in a loop. The limiter counts before the stream is looked up, so an unknown stream proves it as well.
 */
@QuarkusTest
@TestProfile(RateLimitsOn.class)
@WithTestResource(CatalogDouble.class)
class RateLimitedRoutesTest {

    @Test
    void givenAViewerTappingLikeInALoop_whenTheyExceedTheLikesLimit_thenTheyGet429WithTheQuotaHeaders() {
        String token = Tokens.consumer(UUID.randomUUID());
        UUID stream = UUID.randomUUID();
        RateLimitsOn.assertFourthCallIsRefused("likes",
                () -> given().auth().oauth2(token).post("/api/v1/streams/" + stream + "/likes"));
    }

    @Test
    void givenAViewerReopeningTheFeedInALoop_whenTheyExceedTheFeedLimit_thenTheyGet429() {
        String token = Tokens.consumer(UUID.randomUUID());
        UUID stream = UUID.randomUUID();
        RateLimitsOn.assertFourthCallIsRefused("feed",
                () -> given().auth().oauth2(token).accept("text/event-stream")
                        .get("/api/v1/streams/" + stream + "/feed"));
    }
}
