package live.harvest.testkit.platform;

import io.quarkus.test.junit.QuarkusTest;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static live.harvest.testkit.Problems.assertProblem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ProblemDetailsTest {

    @Test
    void invalidFieldsAreListedOneByOne() {
        assertProblem(given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body("{\"name\":\"\",\"quantity\":0}").post("/probe/validated").then(), 400)
                .body("errors.field", containsInAnyOrder("name", "quantity"));
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertProblem(given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body("{\"name\":").post("/probe/validated").then(), 400)
                .body("title", equalTo("Malformed request body"));
    }

    @Test
    void textForANumberIsNamedAsAFieldOfTheWrongType() {
        assertProblem(given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body("{\"name\":\"x\",\"quantity\":\"many\"}").post("/probe/validated").then(), 400)
                .body("detail", equalTo("Field 'quantity' has the wrong type"));
    }

    @Test
    void aBusinessConflictIsA409Problem() {
        assertProblem(given().auth().oauth2(Tokens.admin()).get("/probe/conflict/this").then(), 409)
                .body("type", equalTo("https://harvest.live/problems/probe-conflict"))
                .body("detail", equalTo("Cannot this"))
                .body("instance", equalTo("/probe/conflict/this"));
    }

    @Test
    void anUnknownPathIsA404Problem() {
        assertProblem(given().auth().oauth2(Tokens.admin()).get("/nowhere").then(), 404);
    }

    @Test
    void givenNoPooledConnectionInTime_whenARequestFails_thenItIsA503ToRetryNotA500() {
        assertProblem(given().auth().oauth2(Tokens.admin()).get("/probe/failing/pool").then(), 503)
                .header("Retry-After", equalTo("1"))
                .body("type", equalTo("https://harvest.live/problems/temporarily-unavailable"));
    }

    @Test
    void givenADefect_whenARequestFails_thenItIsA500WithAnIncidentAndNoStackTrace() {
        assertProblem(given().auth().oauth2(Tokens.admin()).get("/probe/failing/defect").then(), 500)
                .body("type", equalTo("https://harvest.live/problems/internal"))
                .body("detail", org.hamcrest.Matchers.startsWith("Something went wrong on our side; quote incident"));
    }
}
