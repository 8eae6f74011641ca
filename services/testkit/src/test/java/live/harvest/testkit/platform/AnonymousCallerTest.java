package live.harvest.testkit.platform;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class AnonymousCallerTest {

    @Test
    void aPublicEndpointCanAskWhetherAnAnonymousCallerHasARole() {
        given().get("/probe/public/am-i-admin").then().statusCode(200).body(equalTo("false"));
    }
}
