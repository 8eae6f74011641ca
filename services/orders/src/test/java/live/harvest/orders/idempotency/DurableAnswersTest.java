package live.harvest.orders.idempotency;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import live.harvest.orders.support.Fixtures;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Regression of issue 11: once Redis lost an idempotency entry, a retry with the same key got a different answer (12
 * of 16 keys; every accepted key after a restart got 422). Every answer is now durable, refusals included.
 */
@QuarkusTest
class DurableAnswersTest {

    private static final String SOLD_OUT = "https://harvest.live/problems/sold-out";

    @Inject
    Fixtures fixtures;

    @Inject
    IdempotencyRecords records;

    @Test
    void givenAnAcceptedAndARefusedKey_whenRedisLosesEverything_thenEachRetryGetsItsFirstAnswer() {
        // Given X bought both units with key K1, Y was refused sold-out with K2, then X cancelled (2 units back)
        OfferOpened offer = fixtures.openOffer(2, 2, 300);
        UUID x = UUID.randomUUID();
        UUID y = UUID.randomUUID();
        Map<String, Object> xBody = Fixtures.offerOrder(offer.offerId(), 2);
        Map<String, Object> yBody = Fixtures.offerOrder(offer.offerId(), 1);
        Response accepted = Fixtures.place(x, "K1", xBody).then().statusCode(201).extract().response();
        Fixtures.place(y, "K2", yBody).then().statusCode(409).body("type", equalTo(SOLD_OUT));
        given().auth().oauth2(Tokens.consumer(x)).contentType("application/json").body(Map.of("reason", "changed mind"))
                .post("/api/v1/orders/{id}/cancel", accepted.path("id").toString()).then().statusCode(200);

        // When Redis loses the pool and both buyers' entries
        fixtures.forgetPool(offer.offerId());
        fixtures.forgetAnswers(x);
        fixtures.forgetAnswers(y);

        // Then Y's retry is still sold-out though units are back, and X's retry is the same 201, not a new order
        Fixtures.place(y, "K2", yBody).then().statusCode(409).body("type", equalTo(SOLD_OUT));
        Response again = Fixtures.place(x, "K1", xBody).then().statusCode(201).extract().response();
        assertEquals(accepted.asString(), again.asString());
        assertEquals(2, fixtures.unitsLeft(offer.offerId()));
        // and a fresh key of Y is judged afresh
        Fixtures.place(y, "K3", yBody).then().statusCode(201);
    }

    @Test
    void givenARefusal_whenItIsAnswered_thenItIsAlreadyRecordedInPostgres() {
        // Given a sold-out offer
        OfferOpened offer = fixtures.openOffer(1, 1, 300);
        Fixtures.buy(UUID.randomUUID(), offer.offerId(), 1);
        UUID buyer = UUID.randomUUID();

        // When a buyer is refused
        Fixtures.place(buyer, "late", Fixtures.offerOrder(offer.offerId(), 1)).then().statusCode(409);

        // Then the refusal is durable before the answer reached them
        IdempotencyRecord row = records.find(buyer, "late").orElseThrow();
        assertEquals(409, row.responseStatus);
        assertEquals("sold-out", row.problemSlug);
    }
}
