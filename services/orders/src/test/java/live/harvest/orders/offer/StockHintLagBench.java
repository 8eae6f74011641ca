package live.harvest.orders.offer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.orders.support.Fixtures;
import live.harvest.orders.support.StockHintListener;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import live.harvest.testkit.LagFigures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Measures orders' side of the stock hints (ADR 0028), not a test: surefire runs only {@code *Test}; run it with
 * {@code -Dtest=StockHintLagBench}. (a) For N one-unit offers: from sending the buy of the last unit to a subscriber
 * hearing the hint with 0 left, beside the buy's own response time; and the service's timer from the reservation to
 * the hint published. (b) A rush of concurrent buyers on one offer: hints heard against reservations made.
 */
@QuarkusTest
class StockHintLagBench {

    private static final int OFFERS = Integer.getInteger("bench.offers", 30);

    @Inject
    Fixtures fixtures;

    @Inject
    StockHintListener.Channel hints;

    @Inject
    MeterRegistry metrics;

    @Test
    void lastUnitToHintAndRushCoalescing() throws Exception {
        List<Double> heard = new ArrayList<>();
        List<Double> answered = new ArrayList<>();
        for (int i = 0; i < OFFERS; i++) {
            OfferOpened offer = fixtures.openOffer(1, 1, 500);
            try (StockHintListener feed = hints.listen(offer.offerId())) {
                long start = System.nanoTime();
                Fixtures.buy(UUID.randomUUID(), offer.offerId(), 1);
                answered.add((System.nanoTime() - start) / 1e6);
                heard.add((feed.awaitHint(h -> h.unitsLeft() == 0).atNanos() - start) / 1e6);
            }
        }
        System.out.println(LagFigures.summary("buy of the last unit sent -> hint with 0 left heard", heard));
        System.out.println(LagFigures.summary("buy of the last unit sent -> its 201 response", answered));
        Timer lag = metrics.get("harvest.orders.stock.hint.lag").timer();
        StringBuilder percentiles = new StringBuilder();
        for (ValueAtPercentile p : lag.takeSnapshot().percentileValues()) {
            percentiles.append(String.format(Locale.ROOT, " p%.0f %.2f", p.percentile() * 100,
                    p.value(TimeUnit.MILLISECONDS)));
        }
        System.out.printf(Locale.ROOT, "BENCH harvest.orders.stock.hint.lag (pool change -> hint published): n=%d"
                + " mean %.2f max %.2f ms,%s ms%n", lag.count(), lag.mean(TimeUnit.MILLISECONDS),
                lag.max(TimeUnit.MILLISECONDS), percentiles);

        int units = 200;
        OfferOpened rush = fixtures.openOffer(units, 1, 500);
        try (StockHintListener feed = hints.listen(rush.offerId())) {
            ExecutorService buyers = Executors.newFixedThreadPool(16);
            long start = System.nanoTime();
            for (int i = 0; i < units; i++) {
                buyers.submit(() -> Fixtures.buy(UUID.randomUUID(), rush.offerId(), 1));
            }
            buyers.shutdown();
            buyers.awaitTermination(5, TimeUnit.MINUTES);
            double took = (System.nanoTime() - start) / 1e6;
            feed.awaitHint(h -> h.unitsLeft() == 0);
            System.out.printf(Locale.ROOT, "BENCH rush: %d reservations in %.0f ms by 16 buyers -> %d hints heard%n",
                    units, took, feed.hints().size());
        }
    }
}
