package live.harvest.testkit.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ADR 0020 on the probe class (3 per minute per caller): quota headers, 429 problem+json, per-caller budgets. */
@QuarkusTest
class RateLimitTest {

    @Test
    void givenACallerWithinTheLimit_whenTheyCall_thenEachAnswerSaysWhatIsLeft() {
        String token = Tokens.consumer(UUID.randomUUID());
        for (int left = 2; left >= 0; left--) {
            given().auth().oauth2(token).get("/probe/limits/limited").then().statusCode(200)
                    .header("RateLimit-Policy", equalTo("\"probe\";q=3;w=60"))
                    .header("RateLimit", matchesPattern("\"probe\";r=" + left + ";t=\\d+"));
        }
    }

    @Test
    void givenACallerWhoSpentTheQuota_whenTheyCallAgain_then429ProblemSaysWhenToComeBack() {
        String token = Tokens.consumer(UUID.randomUUID());
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/probe/limits/limited").then().statusCode(200);
        }
        Response refused = given().auth().oauth2(token).get("/probe/limits/limited");
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("https://harvest.live/problems/rate-limited"))
                .header("RateLimit-Policy", equalTo("\"probe\";q=3;w=60"))
                .header("RateLimit", matchesPattern("\"probe\";r=0;t=\\d+"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        // One request's worth of the window (60 s / 3) has to pass before the next is allowed
        assertTrue(retryAfter >= 1 && retryAfter <= 20, "Retry-After " + retryAfter);
    }

    @Test
    void givenOneCallerOverTheLimit_whenAnotherCallerCalls_thenTheOtherIsServed() {
        String greedy = Tokens.consumer(UUID.randomUUID());
        for (int i = 0; i < 4; i++) {
            given().auth().oauth2(greedy).get("/probe/limits/limited");
        }
        given().auth().oauth2(greedy).get("/probe/limits/limited").then().statusCode(429);
        given().auth().oauth2(Tokens.consumer(UUID.randomUUID())).get("/probe/limits/limited").then().statusCode(200);
    }

    @Test
    void givenAnUnmarkedRouteAndTheHealthEndpoints_whenBurstAt_thenNeverRefused() {
        String token = Tokens.consumer(UUID.randomUUID());
        for (int i = 0; i < 20; i++) {
            assertEquals(200, given().auth().oauth2(token).get("/probe/limits/unmarked").statusCode());
            int health = given().get("/q/health/live").statusCode();
            assertTrue(health != 429, "health answered 429");
        }
    }

    @Test
    void givenCallersWithoutAToken_whenTheyBurst_thenTheirAddressSharesOneQuota() {
        // Whatever an earlier run left of this address's quota, a fourth call within the minute is refused
        boolean refused = false;
        for (int i = 0; i < 4 && !refused; i++) {
            refused = given().get("/probe/limits/limited").statusCode() == 429;
        }
        assertTrue(refused, "four anonymous calls from one address within a minute were all served");
    }
}
