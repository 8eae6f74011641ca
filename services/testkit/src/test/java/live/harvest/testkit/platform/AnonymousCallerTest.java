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

    @Test
    void onlyASellerTokenActsAsASeller() {
        // Given a seller, a consumer and nobody
        java.util.UUID seller = java.util.UUID.randomUUID();
        // Then only the seller's token names the seller it acts for
        given().auth().oauth2(live.harvest.testkit.Tokens.seller(seller)).get("/probe/public/acting-seller")
                .then().statusCode(200).body(equalTo(seller.toString()));
        given().auth().oauth2(live.harvest.testkit.Tokens.consumer(seller)).get("/probe/public/acting-seller")
                .then().statusCode(200).body(equalTo("none"));
        given().get("/probe/public/acting-seller").then().statusCode(200).body(equalTo("none"));
    }
}
