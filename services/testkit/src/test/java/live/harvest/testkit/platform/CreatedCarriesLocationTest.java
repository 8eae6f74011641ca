package live.harvest.testkit.platform;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CreatedCarriesLocationTest {

    @Test
    void givenA201WithoutLocationWhenAnyTestReceivesItThenTheTestFails() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> given().get("/probe/public/created/false"));
        assertTrue(failure.getMessage().contains("answered 201 without Location"), failure.getMessage());
    }

    @Test
    void givenA201WithLocationWhenReceivedThenItPasses() {
        given().get("/probe/public/created/true").then().statusCode(201);
    }
}
