package live.harvest.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole product as one system: four packaged services as processes, the real broker, database and Redis,
 * driven only through public REST APIs and the live feed. The scenario checks every step itself; here we also pin
 * the figures that make the story true.
 */
@ExtendWith(Marketplace.class)
class FlashSaleEndToEndIT {

    private static final int UNITS = 30;
    private static final int BUYERS = 150;
    private static final int LIMIT = 2;
    private static final long PRICE = 9900;

    @Test
    void aLiveFlashSaleSellsExactlyTheOfferAndEveryParcelReachesItsBuyer() throws Exception {
        // Given a county network, a verified seller with a chilled product, and a live stream pinning 30 units
        // When 150 buyers try twice each, pay, and operators dispatch and scan everything
        // (and, while one parcel waits at its pickup point, the seller reads every view they can)
        AtomicReference<SellerViews.Walk> sellerWalk = new AtomicReference<>();
        FlashSaleScenario scenario = new FlashSaleScenario(
                new FlashSaleScenario.Settings(UNITS, BUYERS, 2, LIMIT, PRICE, 32, Duration.ofMinutes(3)),
                Marketplace.endpoints(),
                new TokenMinter("harvest-test-keys/privateKey.pem", "https://harvest.live/local"),
                "demo-pay-secret-change-me", System.out::println);
        scenario.whileHeldForPickup(held -> sellerWalk.set(SellerViews.walk(new Http(4), scenario.sellerToken(), held)));
        Report report = scenario.run();
        System.out.println(report.render());

        // Then exactly the offer was sold, nobody exceeded the limit, and every answer was a clear one
        assertEquals(UNITS, report.unitsSold);
        assertEquals(0, report.oversell());
        assertTrue(report.maxUnitsPerBuyer <= LIMIT);
        assertEquals(report.attempts, report.accepted + report.soldOut + report.limitReached);
        // and every paid order was routed (one uncovered address refused), delivered or picked up
        assertEquals(UNITS, report.paid);
        assertEquals(UNITS - 1, report.routed);
        assertEquals(1, report.routingFailed);
        assertEquals(UNITS - 1, report.delivered + report.pickedUp);
        assertEquals(1, report.pickedUp);
        // and the stream's results and the feed agree with what was sold
        assertEquals(UNITS, report.resultsUnitsSold);
        assertEquals(UNITS * PRICE, report.resultsGmvFen);
        assertTrue(report.feedSawSoldOut);
        // and no view a seller can read shows the buyer's pickup code (the walk covers every such operation)
        SellerViews.Walk walk = sellerWalk.get();
        System.out.println("seller views walked: " + walk.called());
        assertTrue(walk.called().size() >= 17, "every seller-readable operation walked: " + walk.called());
        assertEquals(List.of(), walk.leaks(), "no seller view shows the pickup code, each answers 200");
        System.out.printf("first buy -> last shipment routed: %d ms%n", report.firstBuyToLastRoutedMillis);
    }
}
