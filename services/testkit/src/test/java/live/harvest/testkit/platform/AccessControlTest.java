package live.harvest.testkit.platform;

import io.quarkus.test.junit.QuarkusTest;
import live.harvest.platform.security.Roles;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static live.harvest.testkit.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class AccessControlTest {

    private static final String ADMIN_ONLY = "/probe/admin-only";

    @Test
    void aRequestWithoutATokenIsUnauthenticated() {
        assertProblem(given().get(ADMIN_ONLY).then(), 401).header("WWW-Authenticate", "Bearer");
    }

    @Test
    void aTokenWithABadSignatureIsUnauthenticated() {
        assertProblem(given().auth().oauth2(Tokens.signedByStranger(Roles.ADMIN)).get(ADMIN_ONLY).then(), 401);
    }

    @Test
    void anExpiredTokenIsUnauthenticated() {
        assertProblem(given().auth().oauth2(Tokens.expired(Roles.ADMIN)).get(ADMIN_ONLY).then(), 401);
    }

    @Test
    void aGarbageTokenIsUnauthenticated() {
        assertProblem(given().auth().oauth2("not.a.jwt").get(ADMIN_ONLY).then(), 401);
    }

    @Test
    void theWrongRoleIsForbidden() {
        assertProblem(given().auth().oauth2(Tokens.consumer(UUID.randomUUID())).get(ADMIN_ONLY).then(), 403);
    }

    @Test
    void theRightRoleIsLetIn() {
        given().auth().oauth2(Tokens.admin()).get(ADMIN_ONLY).then().statusCode(200);
    }

    @Test
    void theCallerIsReadFromTheTokenSubject() {
        UUID buyer = UUID.randomUUID();
        // A consumer is refused here, but a seller token's subject is what Caller#id reports to an admin route
        given().auth().oauth2(Tokens.admin()).get(ADMIN_ONLY).then().statusCode(200)
                .body(org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
        assertProblem(given().auth().oauth2(Tokens.consumer(buyer)).get(ADMIN_ONLY).then(), 403)
                .body("status", equalTo(403));
    }
}
