package live.harvest.orders.order;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.orders.support.Fixtures;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import live.harvest.testkit.Problems;
import live.harvest.testkit.Tokens;
import live.harvest.testkit.catalog.CatalogDouble;
import live.harvest.testkit.catalog.Sku;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static live.harvest.orders.support.Fixtures.place;
import static live.harvest.orders.support.Fixtures.skuOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Regressions of issue 12: one consumer held a regular listing's whole stock for the payment window, again and again
 * (200 units in one unpaid order; lines of 999 units were accepted). The caps per order and per buyer of a regular
 * listing are catalog's, per SKU (ADR 0019; proven against the real ledger by catalog's {@code ReservationCapsTest});
 * here: orders passes catalog's refusals on to the buyer unchanged, gives back whatever it had already reserved, and
 * keeps the one cap that is its own, unpaid orders per buyer.
 */
@QuarkusTest
class AntiHoardingTest {

    private static final String ABOVE_CAP = "https://harvest.live/problems/quantity-above-cap";
    private static final String BUYER_CAP = "https://harvest.live/problems/buyer-cap-reached";

    @Inject
    Fixtures fixtures;

    @Test
    void givenABuyerWithFiveUnpaidOrders_whenTheyPlaceASixth_thenItIsRefusedAndItsUnitsGoBack() {
        // Given a buyer holding the maximum of 5 unpaid orders
        OfferOpened offer = fixtures.openOffer(100, 10, 200);
        UUID buyer = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            Fixtures.buy(buyer, offer.offerId(), 1);
        }

        // When they place a sixth
        place(buyer, UUID.randomUUID().toString(), Fixtures.offerOrder(offer.offerId(), 1))
                .then().statusCode(409).body("type", equalTo("https://harvest.live/problems/too-many-unpaid-orders"));

        // Then its reserved unit went back to the pool, and another buyer is not affected
        assertEquals(95, fixtures.unitsLeft(offer.offerId()));
        Fixtures.buy(UUID.randomUUID(), offer.offerId(), 1);
    }

    @Test
    void givenCatalogRefusesALineAboveTheSkusPerOrderCap_whenABuyerOrders_thenTheyGet422WithCatalogsReason() {
        // Given a SKU whose per-order cap (the platform's 20) catalog enforces
        UUID sku = UUID.randomUUID();
        String reason = "At most 20 units of SKU " + sku + " per order; 21 requested";
        CatalogDouble.refuses(sku, 422, "quantity-above-cap", reason);
        UUID buyer = UUID.randomUUID();

        // When a buyer asks for 21 units in one line, then they get catalog's refusal, not a 5xx
        Problems.assertProblem(place(buyer, UUID.randomUUID().toString(), skuOrder(sku, 21)).then(), 422)
                .body("type", equalTo(ABOVE_CAP)).body("detail", equalTo(reason));

        // and no order was written
        given().auth().oauth2(Tokens.consumer(buyer)).get("/api/v1/orders/mine").then().body("total", equalTo(0));
    }

    @Test
    void givenASellerWhoAllowsMoreThanTheDefaultPerOrder_whenABuyerOrders25_thenOrdersLeavesTheCapToCatalog() {
        // Given a SKU whose seller set a per-order cap above the platform's 20: catalog reserves 25
        UUID sku = UUID.randomUUID();
        CatalogDouble.givenSku(Sku.chilledFish(sku, UUID.randomUUID(), 300));

        // When a buyer orders 25, then orders does not refuse it on a rule of its own
        place(UUID.randomUUID(), UUID.randomUUID().toString(), skuOrder(sku, 25)).then().statusCode(201)
                .body("totalFen", equalTo(25 * 300));
        assertEquals(1, CatalogDouble.callsFor(sku).size());
    }

    @Test
    void givenABuyerWhoseFirstOrderFilledTheSkusPerBuyerCap_whenTheyPlaceASecond_thenItIsRefused409AndTheFirstStands() {
        // Given a first order catalog reserved
        UUID sku = UUID.randomUUID();
        CatalogDouble.givenSku(Sku.chilledFish(sku, UUID.randomUUID(), 300));
        UUID buyer = UUID.randomUUID();
        place(buyer, UUID.randomUUID().toString(), skuOrder(sku, 5)).then().statusCode(201);

        // When catalog counts the buyer at the SKU's per-buyer cap and refuses the second order's line
        String reason = "At most 5 units of SKU " + sku + " per buyer; you hold 5, 1 more requested";
        CatalogDouble.refuses(sku, 409, "buyer-cap-reached", reason);
        Problems.assertProblem(place(buyer, UUID.randomUUID().toString(), skuOrder(sku, 1)).then(), 409)
                .body("type", equalTo(BUYER_CAP)).body("detail", equalTo(reason));

        // Then the buyer has the first order only
        given().auth().oauth2(Tokens.consumer(buyer)).get("/api/v1/orders/mine").then().body("total", equalTo(1));
    }

    @Test
    void givenAnOrderWhoseLastLineIsAboveItsCap_whenCatalogRefusesIt_thenEveryUnitAlreadyReservedIsGivenBack() {
        // Given an offer line and a SKU line that are reserved, and a second SKU at its buyer cap
        OfferOpened offer = fixtures.openOffer(5, 2, 100);
        UUID reservedSku = UUID.randomUUID();
        CatalogDouble.givenSku(Sku.chilledFish(reservedSku, offer.sellerId(), 300));
        UUID cappedSku = UUID.randomUUID();
        CatalogDouble.refuses(cappedSku, 409, "buyer-cap-reached", "At most 2 units of SKU " + cappedSku
                + " per buyer; you hold 2, 2 more requested");

        // When one order asks for all three
        Map<String, Object> body = Map.of("lines", List.of(
                Map.of("offerId", offer.offerId().toString(), "quantity", 2),
                Map.of("skuId", reservedSku.toString(), "quantity", 3),
                Map.of("skuId", cappedSku.toString(), "quantity", 2)), "address", Fixtures.address());
        Problems.assertProblem(place(UUID.randomUUID(), UUID.randomUUID().toString(), body).then(), 409)
                .body("type", equalTo(BUYER_CAP));

        // Then the offer's units are back in its pool and catalog was told to release the order's reservations
        assertEquals(5, fixtures.unitsLeft(offer.offerId()));
        UUID orderId = CatalogDouble.callsFor(reservedSku).get(0).orderId();
        assertEquals(orderId, CatalogDouble.callsFor(cappedSku).get(0).orderId());
        assertEquals(1, CatalogDouble.releasesOf(orderId).size());
    }
}
