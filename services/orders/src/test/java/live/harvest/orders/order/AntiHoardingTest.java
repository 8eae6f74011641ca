package live.harvest.orders.order;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.orders.support.Fixtures;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Regressions of issue 12: one consumer held a regular listing's whole stock for the payment window, again and again
 * (200 units in one unpaid order; lines of 999 units were accepted).
 */
@QuarkusTest
class AntiHoardingTest {

    @Inject
    Fixtures fixtures;

    @ConfigProperty(name = "catalog.url")
    String catalogUrl;

    @Test
    void givenABuyerWithFiveUnpaidOrders_whenTheyPlaceASixth_thenItIsRefusedAndItsUnitsGoBack() {
        // Given a buyer holding the maximum of 5 unpaid orders
        OfferOpened offer = fixtures.openOffer(100, 10, 200);
        UUID buyer = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            Fixtures.buy(buyer, offer.offerId(), 1);
        }

        // When they place a sixth
        Fixtures.place(buyer, UUID.randomUUID().toString(), Fixtures.offerOrder(offer.offerId(), 1))
                .then().statusCode(409).body("type", equalTo("https://harvest.live/problems/too-many-unpaid-orders"));

        // Then its reserved unit went back to the pool, and another buyer is not affected
        assertEquals(95, fixtures.unitsLeft(offer.offerId()));
        Fixtures.buy(UUID.randomUUID(), offer.offerId(), 1);
    }

    @Test
    void givenARegularListing_whenALineAsksForMoreThanTheCap_thenItIsRefusedBeforeCatalogIsAsked() {
        // Given a regular listing
        UUID sku = UUID.randomUUID();

        // When a buyer asks for 21 units in one line (the platform cap is 20)
        Map<String, Object> body = Map.of("lines", List.of(Map.of("skuId", sku.toString(), "quantity", 21)),
                "address", Fixtures.address());
        Fixtures.place(UUID.randomUUID(), UUID.randomUUID().toString(), body)
                .then().statusCode(422).body("type", equalTo("https://harvest.live/problems/quantity-above-cap"));

        // Then catalog was never asked to reserve anything for that SKU
        List<Map<String, String>> calls = given().get(catalogUrl + "/stub/calls").then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.skuId == '" + sku + "' }");
        assertEquals(List.of(), calls);
    }
}
