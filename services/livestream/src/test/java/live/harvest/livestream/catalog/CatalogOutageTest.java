package live.harvest.livestream.catalog;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import live.harvest.livestream.support.Given;
import live.harvest.testkit.Problems;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Catalog down: whether a call fails on its own, after its retries, or at once because the circuit breaker opened,
 * the seller gets the one answer, 503 {@code catalog-unavailable} with {@code Retry-After}, and nothing is recorded.
 */
@QuarkusTest
@TestProfile(CatalogOutageTest.CatalogUnreachable.class)
class CatalogOutageTest {

    /** Nothing listens on port 1: every call to catalog is refused at once. */
    public static class CatalogUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("catalog.url", "http://127.0.0.1:1");
        }
    }

    @Test
    void givenCatalogUnreachable_whenASellerSchedulesAgainAndAgain_thenEachIsA503WithRetryAfterAndNothingIsKept() {
        UUID seller = UUID.randomUUID();

        // More calls than the breaker's window of 10 attempts: the later ones meet the open breaker
        for (int call = 0; call < 12; call++) {
            Problems.assertProblem(Given.schedule(seller, Given.streamRequest("tea")).then(), 503)
                    .header("Retry-After", "5")
                    .body("type", equalTo("https://harvest.live/problems/catalog-unavailable"));
        }

        given().auth().oauth2(Tokens.seller(seller)).get("/api/v1/sellers/me/streams").then().statusCode(200)
                .body("size()", equalTo(0));
    }
}
