package live.harvest.catalog.stock;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import live.harvest.catalog.Fixtures;
import live.harvest.catalog.Fixtures.Listing;
import live.harvest.testkit.Problems;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 12, anti-hoarding (ADR 0019): one buyer could hold a regular listing's whole stock for the payment window,
 * again and again. Catalog holds every reservation to the SKU's caps: the seller's, else the platform's (20 per
 * order, 50 per buyer).
 */
@QuarkusTest
class ReservationCapsTest {

    private static final String ABOVE_CAP = "https://harvest.live/problems/quantity-above-cap";
    private static final String BUYER_CAP = "https://harvest.live/problems/buyer-cap-reached";

    @Test
    void givenASkuWithoutCapsOfItsSeller_whenAnOrderAsksFor21_thenItIsRefused422AndNothingIsReserved() {
        Listing listing = Fixtures.listing(2600, 200);
        UUID buyer = UUID.randomUUID();

        Problems.assertProblem(reserve(listing, buyer, UUID.randomUUID(), 21).then(), 422)
                .body("type", equalTo(ABOVE_CAP)).body("detail", containsString("At most 20 units"));
        assertEquals(200, Fixtures.onHand(listing));

        // the platform's 20 per order is allowed
        reserve(listing, buyer, UUID.randomUUID(), 20).then().statusCode(201);
        assertEquals(180, Fixtures.onHand(listing));
    }

    @Test
    void givenASkuWithoutCapsOfItsSeller_whenABuyerHoldsFiftyAcrossOrders_thenTheNextUnitIsRefusedButOthersBuy() {
        // Given a buyer who reserved 20 + 20 + 10 units in three orders (the platform's 50 per buyer)
        Listing listing = Fixtures.listing(2600, 200);
        UUID buyer = UUID.randomUUID();
        for (int units : new int[] {20, 20, 10}) {
            reserve(listing, buyer, UUID.randomUUID(), units).then().statusCode(201);
        }

        // When they ask for one more unit in a fourth order, then it is refused 409 and not reserved
        Problems.assertProblem(reserve(listing, buyer, UUID.randomUUID(), 1).then(), 409)
                .body("type", equalTo(BUYER_CAP)).body("detail", containsString("you hold 50"));
        assertEquals(150, Fixtures.onHand(listing));

        // and another buyer is not affected
        reserve(listing, UUID.randomUUID(), UUID.randomUUID(), 20).then().statusCode(201);
    }

    @Test
    void givenASellersOwnCaps_whenBuyersReserve_thenTheSellersCapsApplyInsteadOfTheDefaults() {
        // Given a seller who allows 3 per order and 5 per buyer
        Listing listing = Fixtures.listing(2600, 100);
        setCaps(listing, 3, 5);
        UUID buyer = UUID.randomUUID();

        // Then 4 in one order is above the cap
        Problems.assertProblem(reserve(listing, buyer, UUID.randomUUID(), 4).then(), 422)
                .body("type", equalTo(ABOVE_CAP)).body("detail", containsString("At most 3 units"));
        // 3 then 2 fill the buyer's 5, and a sixth unit is refused
        reserve(listing, buyer, UUID.randomUUID(), 3).then().statusCode(201);
        reserve(listing, buyer, UUID.randomUUID(), 2).then().statusCode(201);
        Problems.assertProblem(reserve(listing, buyer, UUID.randomUUID(), 1).then(), 409)
                .body("type", equalTo(BUYER_CAP));
        assertEquals(95, Fixtures.onHand(listing));
    }

    @Test
    void givenASellerWhoAllowsMoreThanTheDefaults_whenABuyerOrders40_thenItIsReserved() {
        Listing listing = Fixtures.listing(2600, 100);
        setCaps(listing, 40, 60);

        reserve(listing, UUID.randomUUID(), UUID.randomUUID(), 40).then().statusCode(201);
        assertEquals(60, Fixtures.onHand(listing));
    }

    @Test
    void givenABuyerAtTheCap_whenOneOfTheirReservationsIsGivenBack_thenItNoLongerCounts() {
        // Given a buyer at their cap of 4, in two orders
        Listing listing = Fixtures.listing(2600, 50);
        setCaps(listing, 2, 4);
        UUID buyer = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        reserve(listing, buyer, first, 2).then().statusCode(201);
        reserve(listing, buyer, UUID.randomUUID(), 2).then().statusCode(201);
        Problems.assertProblem(reserve(listing, buyer, UUID.randomUUID(), 2).then(), 409)
                .body("type", equalTo(BUYER_CAP));

        // When orders withdraws the first order's reservation (it could not write the order)
        Fixtures.asService("harvest-orders").delete("/api/v1/stock/reservations/{id}", first).then().statusCode(204);

        // Then the buyer has room for 2 again
        reserve(listing, buyer, UUID.randomUUID(), 2).then().statusCode(201);
        assertEquals(46, Fixtures.onHand(listing));
    }

    @Test
    void givenABuyerAtTheCap_whenOrdersRetriesAReservationAlreadyMade_thenTheFirstAnswerComesBack() {
        Listing listing = Fixtures.listing(2600, 50);
        setCaps(listing, 3, 3);
        UUID buyer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        reserve(listing, buyer, order, 3).then().statusCode(201);

        // A retry of the same reservation is not a new hold, so the cap does not refuse it
        reserve(listing, buyer, order, 3).then().statusCode(200).body("quantity", equalTo(3));
        assertEquals(47, Fixtures.onHand(listing));
    }

    @Test
    void givenACapOfFive_whenOneBuyerSendsTwentyReservationsAtOnce_thenExactlyFiveUnitsAreReserved() throws Exception {
        // Given a SKU with plenty of stock and a cap of 5 per buyer
        Listing listing = Fixtures.listing(2600, 100);
        setCaps(listing, 1, 5);
        UUID buyer = UUID.randomUUID();

        // When the same buyer sends 20 one-unit reservations for 20 orders at the same moment
        List<Response> answers = Fixtures.atOnce(20, () -> reserve(listing, buyer, UUID.randomUUID(), 1));
        List<Integer> statuses = new ArrayList<>();
        for (Response response : answers) {
            statuses.add(response.statusCode());
            if (response.statusCode() == 409) {
                assertEquals(BUYER_CAP, response.path("type"));
            }
        }

        // Then exactly 5 were reserved, 15 refused, and stock agrees
        assertEquals(5, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
        assertEquals(15, statuses.stream().filter(s -> s == 409).count(), statuses::toString);
        assertEquals(95, Fixtures.onHand(listing));
    }

    private static Response reserve(Listing listing, UUID buyer, UUID order, int quantity) {
        return Fixtures.asService("harvest-orders")
                .body(Map.of("orderId", order, "buyerId", buyer, "skuId", listing.skuId(), "quantity", quantity))
                .post("/api/v1/stock/reservations");
    }

    private static void setCaps(Listing listing, int perOrder, int perBuyer) {
        Fixtures.asSeller(listing.sellerId())
                .body(Map.of("spec", "250 g tin", "netWeightGrams", 250, "priceFen", 2600,
                        "maxUnitsPerOrder", perOrder, "maxUnitsPerBuyer", perBuyer))
                .put("/api/v1/skus/{id}", listing.skuId()).then().statusCode(200)
                .body("maxUnitsPerOrder", equalTo(perOrder)).body("maxUnitsPerBuyer", equalTo(perBuyer));
    }
}
