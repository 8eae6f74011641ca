package live.harvest.orders;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import live.harvest.testkit.RateLimitsOn;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * The buy path and payment callbacks are limited per caller (ADR 0020): a script holding one buyer's token, or a
 * flood of forged callbacks from one address, is refused before it costs a reservation or a signature check.
 */
@QuarkusTest
@TestProfile(RateLimitsOn.class)
class RateLimitedRoutesTest {

    @Test
    void givenOneBuyerPressingBuyInALoop_whenTheyExceedTheBuyLimit_thenTheyGet429WithTheQuotaHeaders() {
        String token = Tokens.consumer(UUID.randomUUID());
        // Empty bodies are refused 400 after the limiter has counted them: the limit holds whatever is sent
        RateLimitsOn.assertFourthCallIsRefused("buy", () -> given().auth().oauth2(token)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(Map.of()).post("/api/v1/orders"));
    }

    @Test
    void givenAFloodOfCallbacksWithBadSignatures_whenTheyExceedTheCallbackLimit_thenTheyGet429() {
        RateLimitsOn.assertFourthCallIsRefused("callbacks", () -> given()
                .header("X-Payment-Partner", "demo-pay").header("X-Signature", "forged")
                .contentType("application/json").body(Map.of("orderId", UUID.randomUUID().toString()))
                .post("/api/v1/payments/callbacks"));
    }
}
