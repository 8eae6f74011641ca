package live.harvest.orders.order;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.orders.support.Fixtures;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import live.harvest.testkit.Problems;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static live.harvest.orders.support.Fixtures.address;
import static live.harvest.orders.support.Fixtures.offerOrder;
import static live.harvest.orders.support.Fixtures.place;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bad input gets a precise problem and leaves no order and no reservation behind. */
@QuarkusTest
class PlaceOrderValidationTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aMissingIdempotencyKeyIsRefusedWith400() {
        OfferOpened offer = fixtures.openOffer(10, 2, 100);
        Problems.assertProblem(given().auth().oauth2(Tokens.consumer(UUID.randomUUID()))
                        .contentType("application/json").body(offerOrder(offer.offerId(), 1))
                        .post("/api/v1/orders").then(), 400)
                .body("errors.field", hasItem("idempotencyKey"));
        assertEquals(10, fixtures.unitsLeft(offer.offerId()));
    }

    @Test
    void anOverlongIdempotencyKeyIsRefusedWith400() {
        OfferOpened offer = fixtures.openOffer(10, 2, 100);
        Problems.assertProblem(place(UUID.randomUUID(), "k".repeat(65), offerOrder(offer.offerId(), 1)).then(), 400)
                .body("errors.field", hasItem("idempotencyKey"));
        assertEquals(10, fixtures.unitsLeft(offer.offerId()));
    }

    @Test
    void aZeroQuantityIsRefusedWith400() {
        OfferOpened offer = fixtures.openOffer(10, 2, 100);
        Problems.assertProblem(place(UUID.randomUUID(), key(), offerOrder(offer.offerId(), 0)).then(), 400)
                .body("errors.field", hasItem("lines[0].quantity"));
        Problems.assertProblem(place(UUID.randomUUID(), key(), offerOrder(offer.offerId(), -3)).then(), 400);
        assertEquals(10, fixtures.unitsLeft(offer.offerId()));
    }

    @Test
    void anUnknownOfferIsRefusedWith422() {
        Problems.assertProblem(place(UUID.randomUUID(), key(), offerOrder(UUID.randomUUID(), 1)).then(), 422)
                .body("type", equalTo("https://harvest.live/problems/unknown-offer"));
    }

    @Test
    void aLineNamingBothOfferAndSkuIsRefusedWith400() {
        OfferOpened offer = fixtures.openOffer(10, 2, 100);
        Map<String, Object> body = Map.of("lines", List.of(Map.of("offerId", offer.offerId().toString(),
                "skuId", offer.skuId().toString(), "quantity", 1)), "address", address());
        Problems.assertProblem(place(UUID.randomUUID(), key(), body).then(), 400)
                .body("errors.field", hasItem("lines[0]"));
        assertEquals(10, fixtures.unitsLeft(offer.offerId()));
    }

    @Test
    void malformedRegionCodesAreRefusedWith400() {
        OfferOpened offer = fixtures.openOffer(10, 2, 100);
        Problems.assertProblem(place(UUID.randomUUID(), key(), withAddress(offer, "townshipCode", "33012710"))
                .then(), 400).body("errors.field", hasItem("address.townshipCode"));
        Problems.assertProblem(place(UUID.randomUUID(), key(), withAddress(offer, "countyCode", "abc123"))
                .then(), 400).body("errors.field", hasItem("address.countyCode"));
        assertEquals(10, fixtures.unitsLeft(offer.offerId()));
    }

    @Test
    void regionCodesThatDoNotNestAreRefusedWith400() {
        OfferOpened offer = fixtures.openOffer(10, 2, 100);
        // a township of another county, then a village of another township
        Problems.assertProblem(place(UUID.randomUUID(), key(), withAddress(offer, "townshipCode", "330128100"))
                .then(), 400).body("errors.field", hasItem("address.townshipCode"));
        Problems.assertProblem(place(UUID.randomUUID(), key(), withAddress(offer, "villageCode", "330127101201"))
                .then(), 400).body("errors.field", hasItem("address.villageCode"));
        assertEquals(10, fixtures.unitsLeft(offer.offerId()));
    }

    @Test
    void aPhoneThatIsNotAChineseMobileIsRefusedWith400() {
        OfferOpened offer = fixtures.openOffer(10, 2, 100);
        Problems.assertProblem(place(UUID.randomUUID(), key(), withAddress(offer, "phone", "12345678901"))
                .then(), 400).body("errors.field", hasItem("address.phone"));
    }

    @Test
    void aSellerCannotPlaceOrders() {
        OfferOpened offer = fixtures.openOffer(10, 2, 100);
        Problems.assertProblem(given().auth().oauth2(Tokens.seller(UUID.randomUUID())).header("Idempotency-Key", key())
                .contentType("application/json").body(offerOrder(offer.offerId(), 1))
                .post("/api/v1/orders").then(), 403);
        assertEquals(10, fixtures.unitsLeft(offer.offerId()));
    }

    private static Map<String, Object> withAddress(OfferOpened offer, String field, String value) {
        Map<String, Object> address = new HashMap<>(address());
        address.put(field, value);
        return Map.of("lines", List.of(Map.of("offerId", offer.offerId().toString(), "quantity", 1)),
                "address", address);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
