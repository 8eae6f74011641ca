package live.harvest.testkit.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static live.harvest.testkit.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;

/**
 * With the identity provider unreachable, a token only it could verify gets a clear 503 to retry (never a 500), while
 * the tenant that needs no provider (the local test key) keeps working.
 */
@QuarkusTest
@TestProfile(IdentityProviderDownTest.Unreachable.class)
class IdentityProviderDownTest {

    public static class Unreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.auth-server-url", "http://127.0.0.1:1/realms/harvest");
        }
    }

    @Test
    void givenTheProviderIsDownWhenAProviderTokenArrivesThen503WithRetryAfter() {
        assertProblem(given().auth().oauth2("not.a.jwt").get("/probe/admin-only").then(), 503)
                .header("Retry-After", equalTo("5"))
                .body("type", equalTo("https://harvest.live/problems/identity-provider-unavailable"));
    }

    @Test
    void givenTheProviderIsDownWhenALocallySignedTokenArrivesThenItIsStillVerified() {
        given().auth().oauth2(Tokens.admin()).get("/probe/admin-only").then().statusCode(200);
    }
}
