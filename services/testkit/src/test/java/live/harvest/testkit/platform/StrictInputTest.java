package live.harvest.testkit.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static live.harvest.testkit.Problems.assertProblem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** The platform's strict edge (ADR 0013), on the probe application; each service's walker covers its own API. */
@QuarkusTest
class StrictInputTest {

    private static ValidatableResponse post(String contentType, String body) {
        return given().auth().oauth2(Tokens.admin()).contentType(contentType).body(body)
                .post("/probe/validated").then();
    }

    private static ValidatableResponse get(String rawPath) {
        return given().urlEncodingEnabled(false).auth().oauth2(Tokens.admin()).get(rawPath).then();
    }

    @Test
    void givenAWellFormedBodyWhenPostedThenItIsAccepted() {
        post("application/json", "{\"name\":\"x\",\"quantity\":1,\"note\":\"line one\\nline two\"}")
                .statusCode(200).body(equalTo("x"));
    }

    @Test
    void givenContentAfterTheDocumentWhenPostedThen400SaysSo() {
        assertProblem(post("application/json", "{\"name\":\"x\",\"quantity\":1} {\"name\":\"y\"}"), 400)
                .body("detail", equalTo("The body has content after the JSON document"));
    }

    @Test
    void givenAnUnknownFieldWhenPostedThen400NamesIt() {
        assertProblem(post("application/json", "{\"name\":\"x\",\"quantity\":1,\"endAt\":\"2030-01-01T00:00:00Z\"}"),
                400).body("type", equalTo("https://harvest.live/problems/malformed-body"))
                .body("errors.field", contains("endAt"));
    }

    @Test
    void givenANumberForTextWhenPostedThen400NamesTheField() {
        assertProblem(post("application/json", "{\"name\":5,\"quantity\":1}"), 400)
                .body("detail", equalTo("Field 'name' must be a string"));
    }

    @Test
    void givenTextForANumberOrAFractionOrNullWhenPostedThen400NamesTheField() {
        for (String quantity : new String[]{"\"3\"", "1.5", "null", "true"}) {
            assertProblem(post("application/json", "{\"name\":\"x\",\"quantity\":" + quantity + "}"), 400)
                    .body("errors.field", contains("quantity"));
        }
    }

    @Test
    void givenNulOrCarriageReturnInTextWhenPostedThen400NamesTheField() {
        assertProblem(post("application/json", "{\"name\":\"a\\u0000b\",\"quantity\":1}"), 400)
                .body("detail", equalTo("Field 'name' must not contain control characters"));
        assertProblem(post("application/json", "{\"name\":\"a\\nb\",\"quantity\":1}"), 400)
                .body("errors.field", contains("name"));
        assertProblem(post("application/json", "{\"name\":\"x\",\"quantity\":1,\"note\":\"a\\r\\nb\"}"), 400)
                .body("errors.field", contains("note"));
    }

    @Test
    void givenADuplicateKeyWhenPostedThen400() {
        assertProblem(post("application/json", "{\"name\":\"x\",\"quantity\":1,\"quantity\":999}"), 400);
    }

    @Test
    void givenANonJsonBodyWhenPostedToAnEndpointWithoutConsumesThen415() {
        assertProblem(post("text/plain", "{\"name\":\"x\",\"quantity\":1}"), 415)
                .body("type", equalTo("https://harvest.live/problems/unsupported-media-type"));
    }

    @Test
    void givenOddCharactersInAPathWhenRequestedThenTheAnswerIsAProblemNeverA500() {
        for (String odd : new String[]{"%20", "%25", "%7B", "%22"}) {
            assertProblem(get("/probe/conflict/" + odd), 409).body("instance", equalTo("/probe/conflict/" + odd));
            assertProblem(get("/nowhere/" + odd), 404);
        }
        for (String control : new String[]{"%00", "%0D%0A"}) {
            assertProblem(get("/probe/conflict/" + control), 400).body("errors.field", contains("what"));
        }
    }

    @Test
    void givenAWrongMethodWhenRequestedThen405Problem() {
        assertProblem(given().auth().oauth2(Tokens.admin()).delete("/probe/validated").then(), 405);
    }

    @Test
    void givenAPageThatIsNotANumberOrTooLargeWhenListedThen400NamesIt() {
        for (String page : new String[]{"abc", "99999999999", "-1"}) {
            assertProblem(get("/probe/page?page=" + page), 400).body("errors.field", contains("page"));
        }
        assertProblem(get("/probe/page?page=1&q=%00"), 400).body("errors.field", contains("q"));
    }
}
