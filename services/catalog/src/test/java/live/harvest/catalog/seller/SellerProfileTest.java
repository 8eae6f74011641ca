package live.harvest.catalog.seller;

import io.quarkus.test.junit.QuarkusTest;
import live.harvest.catalog.Fixtures;
import live.harvest.testkit.Problems;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

@QuarkusTest
class SellerProfileTest {

    @Test
    void aSellerCreatesTheirProfileAndThePublicViewHidesThePhone() {
        // Given a seller saving their own profile
        UUID sellerId = UUID.randomUUID();
        Fixtures.asSeller(sellerId).body(Fixtures.profile()).put("/api/v1/sellers/me")
                .then().statusCode(201).body("sellerId", equalTo(sellerId.toString()))
                .body("verified", equalTo(false));

        // When anyone reads it without logging in
        given().get("/api/v1/sellers/{id}", sellerId)
                // Then the public fields are there, and the phone is not
                .then().statusCode(200)
                .body("displayName", equalTo("Farmer Li"))
                .body("homeTownshipCode", equalTo(Fixtures.TOWNSHIP))
                .body("$", not(hasKey("contactPhone")));
        // while the seller themself sees it
        Fixtures.asSeller(sellerId).get("/api/v1/sellers/me")
                .then().statusCode(200).body("contactPhone", equalTo("+86 138 0000 1234"));
    }

    @Test
    void editingTheProfileKeepsTheAdminsVerification() {
        // Given a verified seller
        UUID sellerId = Fixtures.seller(true);
        // When they change their display name
        Map<String, Object> body = Fixtures.profile();
        body.put("displayName", "Li's Tea Garden");
        Fixtures.asSeller(sellerId).body(body).put("/api/v1/sellers/me").then().statusCode(200);
        // Then the new name shows and they are still verified
        given().get("/api/v1/sellers/{id}", sellerId).then().statusCode(200)
                .body("displayName", equalTo("Li's Tea Garden")).body("verified", equalTo(true));
    }

    @Test
    void aTownshipOutsideTheHomeCountyIsRejectedAndNothingIsSaved() {
        // Given a profile whose township lies in another county
        UUID sellerId = UUID.randomUUID();
        Map<String, Object> body = Fixtures.profile();
        body.put("homeTownshipCode", "330102001");
        // When it is saved
        Problems.assertProblem(Fixtures.asSeller(sellerId).body(body).put("/api/v1/sellers/me").then(), 400)
                // Then the field is named
                .body("errors.field", hasItem("homeTownshipCode"));
        // and no profile exists
        Problems.assertProblem(given().get("/api/v1/sellers/{id}", sellerId).then(), 404);
    }

    @Test
    void malformedCodesAndOversizeTextAreRejected() {
        UUID sellerId = UUID.randomUUID();
        Map<String, Object> body = Fixtures.profile();
        body.put("homeCountyCode", "33012");
        body.put("displayName", "x".repeat(81));
        body.put("contactPhone", "call me");
        Problems.assertProblem(Fixtures.asSeller(sellerId).body(body).put("/api/v1/sellers/me").then(), 400)
                .body("errors.field", hasItem("homeCountyCode"))
                .body("errors.field", hasItem("displayName"))
                .body("errors.field", hasItem("contactPhone"));
        Problems.assertProblem(given().get("/api/v1/sellers/{id}", sellerId).then(), 404);
    }

    @Test
    void onlyAnAdminVerifiesASeller() {
        // Given an unverified seller
        UUID sellerId = Fixtures.seller(false);
        // When the seller tries to verify themself
        Problems.assertProblem(Fixtures.asSeller(sellerId).body(Map.of("verified", true))
                .post("/api/v1/sellers/{id}/verification", sellerId).then(), 403);
        // Then they stay unverified
        given().get("/api/v1/sellers/{id}", sellerId).then().body("verified", equalTo(false));
        // and an admin can verify them
        Fixtures.asAdmin().body(Map.of("verified", true)).post("/api/v1/sellers/{id}/verification", sellerId)
                .then().statusCode(200).body("verified", equalTo(true));
    }

    @Test
    void verifyingAnUnknownSellerIs404AndAnonymousCallersAre401() {
        Problems.assertProblem(Fixtures.asAdmin().body(Map.of("verified", true))
                .post("/api/v1/sellers/{id}/verification", UUID.randomUUID()).then(), 404);
        Problems.assertProblem(given().contentType("application/json").body(Fixtures.profile())
                .put("/api/v1/sellers/me").then(), 401);
        Problems.assertProblem(given().auth().oauth2(Tokens.consumer(UUID.randomUUID())).contentType("application/json")
                .body(Fixtures.profile()).put("/api/v1/sellers/me").then(), 403);
    }
}
