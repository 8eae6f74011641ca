package live.harvest.testkit;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.response.Response;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A test profile with the rate limiter on (the {@code %test} profile has it off, ADR 0020) and every route class
 * at 3 requests per minute, so a service's test proves its routes are marked without racing the clock.
 * {@link #assertFourthCallIsRefused} is the check.
 */
public class RateLimitsOn implements QuarkusTestProfile {

    public static final int LIMIT = 3;
    private static final String[] CLASSES = {"buy", "likes", "search", "trace", "callbacks", "feed", "partner"};

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("harvest.rate-limit.enabled", "true");
        // Its own key space, so budgets spent here never meet another JVM's
        overrides.put("harvest.rate-limit.key-prefix", "harvest:rl-test:" + System.nanoTime() + ":");
        for (String routeClass : CLASSES) {
            overrides.put("harvest.rate-limit.policies." + routeClass + ".limit", Integer.toString(LIMIT));
            overrides.put("harvest.rate-limit.policies." + routeClass + ".window", "60S");
        }
        return overrides;
    }

    /**
     * Calls {@code call} {@value #LIMIT} times (any answer but 429, whatever the body did) and once more, which must
     * be 429 problem+json naming {@code routeClass} in its headers.
     */
    public static void assertFourthCallIsRefused(String routeClass, Supplier<Response> call) {
        for (int i = 0; i < LIMIT; i++) {
            Response response = call.get();
            if (response.statusCode() == 429) {
                fail("call " + (i + 1) + " of " + LIMIT + " was already refused: " + response.asString());
            }
        }
        call.get().then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("\\d+"))
                .header("RateLimit-Policy", matchesPattern("\"" + routeClass + "\";q=" + LIMIT + ";w=60"))
                .header("RateLimit", matchesPattern("\"" + routeClass + "\";r=0;t=\\d+"));
    }
}
