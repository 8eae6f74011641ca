package live.harvest.orders.offer;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.orders.support.Fixtures;
import live.harvest.platform.event.EventEnvelope;
import live.harvest.platform.event.Topics;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import live.harvest.platform.event.orders.OrderEvents.OrderPlaced;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Problems;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static live.harvest.orders.support.Fixtures.offerOrder;
import static live.harvest.orders.support.Fixtures.place;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class StreamOfferBuyTest {

    @Inject
    Fixtures fixtures;

    @Test
    void buyingALiveOfferIsPricedFromTheOfferAndPublishesOrderPlaced() {
        // Given an open offer at 3,980 fen
        OfferOpened offer = fixtures.openOffer(10, 2, 3980);
        UUID buyer = UUID.randomUUID();
        try (KafkaProbe orders = KafkaProbe.watch(Topics.ORDERS)) {
            // When a buyer orders 2 units (the client sends no price at all)
            String id = place(buyer, UUID.randomUUID().toString(), offerOrder(offer.offerId(), 2)).then()
                    .statusCode(201)
                    .body("status", equalTo("PENDING_PAYMENT"))
                    .body("totalFen", equalTo(7960))
                    .body("sellerId", equalTo(offer.sellerId().toString()))
                    .body("streamId", equalTo(offer.streamId().toString()))
                    .body("lines[0].unitPriceFen", equalTo(3980))
                    .body("lines[0].traceCode", equalTo(offer.traceCode()))
                    .body("timeline[0].to", equalTo("PENDING_PAYMENT"))
                    .extract().path("id");

            // Then the pool lost 2 units and OrderPlaced went out through the outbox
            assertEquals(8, fixtures.unitsLeft(offer.offerId()));
            EventEnvelope placed = orders.awaitEvent("orders.order-placed", e -> e.aggregateId().equals(id));
            OrderPlaced event = KafkaProbe.payload(placed, OrderPlaced.class);
            assertEquals(7960, event.totalFen());
            assertEquals(buyer, event.buyerId());
            assertEquals(offer.offerId(), event.lines().get(0).offerId());
        }
    }

    @Test
    void anOfferWithoutAnEndTimeSellsUntilItIsClosed() {
        // Given an offer the anchor opened with no end time
        OfferOpened offer = fixtures.openOffer(5, 2, 1200, null);

        // When a buyer orders from it
        place(UUID.randomUUID(), UUID.randomUUID().toString(), offerOrder(offer.offerId(), 1)).then().statusCode(201);

        // Then it sold, and once closed it sells no more
        assertEquals(4, fixtures.unitsLeft(offer.offerId()));
        fixtures.closeOffer(offer);
        fixtures.awaitPoolState(offer.offerId(), "drained");
        Problems.assertProblem(place(UUID.randomUUID(), UUID.randomUUID().toString(),
                offerOrder(offer.offerId(), 1)).then(), 409);
    }

    @Test
    void aBuyBeyondThePerBuyerLimitIsRefusedAndLeavesThePoolAlone() {
        // Given a buyer who already holds the limit of 2
        OfferOpened offer = fixtures.openOffer(10, 2, 100);
        UUID buyer = UUID.randomUUID();
        Fixtures.buy(buyer, offer.offerId(), 2);

        // When they try one more
        Problems.assertProblem(place(buyer, UUID.randomUUID().toString(), offerOrder(offer.offerId(), 1)).then(), 409)
                .body("type", equalTo("https://harvest.live/problems/buyer-limit-reached"));

        // Then only their first 2 units left the pool
        assertEquals(8, fixtures.unitsLeft(offer.offerId()));
    }

    @Test
    void aBuyForMoreThanIsLeftIsSoldOut() {
        // Given an offer with 1 unit
        OfferOpened offer = fixtures.openOffer(1, 5, 100);

        // When a buyer asks for 2
        Problems.assertProblem(place(UUID.randomUUID(), UUID.randomUUID().toString(),
                        offerOrder(offer.offerId(), 2)).then(), 409)
                .body("type", equalTo("https://harvest.live/problems/sold-out"));

        // Then the unit is still there for someone else
        assertEquals(1, fixtures.unitsLeft(offer.offerId()));
    }

    @Test
    void twoLiveOffersOfOneSellerCanBeBoughtInOneOrder() {
        // Given two offers of the same seller
        OfferOpened tea = fixtures.openOffer(5, 2, 1000);
        OfferOpened honey = fixtures.openOffer(5, 2, 2500);
        OfferOpened sameSellerHoney = sameSeller(tea, honey);
        fixtures.send(sameSellerHoney);
        fixtures.awaitPoolState(sameSellerHoney.offerId(), "open");

        // When a buyer orders both
        Map<String, Object> body = Map.of("lines", List.of(
                Map.of("offerId", tea.offerId().toString(), "quantity", 1),
                Map.of("offerId", sameSellerHoney.offerId().toString(), "quantity", 2)), "address", Fixtures.address());

        // Then one order totals both lines
        place(UUID.randomUUID(), UUID.randomUUID().toString(), body).then().statusCode(201)
                .body("totalFen", equalTo(1000 + 2 * 2500))
                .body("lines.size()", equalTo(2));
    }

    private static OfferOpened sameSeller(OfferOpened tea, OfferOpened honey) {
        return new OfferOpened(UUID.randomUUID(), tea.streamId(), tea.sellerId(), tea.sellerCountyCode(),
                honey.productId(), honey.skuId(), "Wildflower honey", "500 g", 2500, "CNY", 5, 2, honey.endsAt(),
                honey.temperatureClass(), null);
    }
}
