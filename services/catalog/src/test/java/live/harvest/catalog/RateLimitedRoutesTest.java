package live.harvest.catalog;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import live.harvest.testkit.RateLimitsOn;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Catalog's public reads are limited per caller (ADR 0020): search and trace lookups. */
@QuarkusTest
@TestProfile(RateLimitsOn.class)
class RateLimitedRoutesTest {

    @Test
    void givenAShopperSearching_whenTheyExceedTheSearchLimit_thenTheyGet429WithTheQuotaHeaders() {
        String token = Tokens.consumer(UUID.randomUUID());
        RateLimitsOn.assertFourthCallIsRefused("search",
                () -> given().auth().oauth2(token).queryParam("q", "tea").get("/api/v1/products"));
    }

    @Test
    void givenAShopperScanningTraceCodes_whenTheyExceedTheTraceLimit_thenTheyGet429() {
        String token = Tokens.consumer(UUID.randomUUID());
        RateLimitsOn.assertFourthCallIsRefused("trace",
                () -> given().auth().oauth2(token).get("/api/v1/trace/TR-NOPE-" + UUID.randomUUID()));
    }
}
