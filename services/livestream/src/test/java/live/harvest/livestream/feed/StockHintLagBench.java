package live.harvest.livestream.feed;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.livestream.support.Given;
import live.harvest.livestream.support.OrderFeed;
import live.harvest.livestream.support.SseClient;
import live.harvest.livestream.support.StockHints;
import live.harvest.platform.event.EventCodec;
import live.harvest.testkit.catalog.CatalogDouble;
import live.harvest.testkit.LagFigures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Measures the live feed's sold-out lag from livestream's side (ADR 0028), not a test: surefire runs only
 * {@code *Test}; run it with {@code -Dtest=StockHintLagBench}. For each of N one-unit offers a viewer is connected,
 * then the offer's sale ends one way, and the time from that moment to the viewer's reading of {@code sold-out} is
 * taken: (a) a stock hint with 0 left published on Redis (what orders does right after the reservation), and
 * (b) the order event sent to Kafka (orders' outbox relay, its 50 ms poll and commit, not included). Prints figures.
 */
@QuarkusTest
@WithTestResource(CatalogDouble.class)
class StockHintLagBench {

    private static final int OFFERS = Integer.getInteger("bench.offers", 30);

    @Inject
    EventCodec codec;

    @Inject
    StockHints pool;

    @Test
    void soldOutLagOfHintsAndOfOrderEvents() throws Exception {
        UUID seller = Given.verifiedSeller();
        UUID stream = Given.liveStream(seller);
        List<Double> hinted = new ArrayList<>();
        List<Double> ordered = new ArrayList<>();
        try (OrderFeed orders = new OrderFeed(codec)) {
            for (int i = 0; i < OFFERS * 2; i++) {
                UUID offer = UUID.fromString(Given.openOffer(seller, stream,
                        Given.offerRequest(Given.sku(seller, 10), 9_900, 1, 1)).then().statusCode(201)
                        .extract().path("id"));
                boolean hint = i % 2 == 0;
                try (SseClient viewer = SseClient.open("/api/v1/streams/" + stream + "/feed")) {
                    viewer.awaitEvent("snapshot", data -> true);
                    long start = System.nanoTime();
                    if (hint) {
                        pool.left(offer, 0, 1);
                    } else {
                        orders.send(OrderFeed.placed(UUID.randomUUID(), seller, stream, offer, 1, 9_900));
                        orders.flush();
                    }
                    SseClient.Event soldOut = viewer.awaitEvent("sold-out",
                            data -> data.path("offerId").asText().equals(offer.toString()));
                    (hint ? hinted : ordered).add((soldOut.receivedNanos() - start) / 1e6);
                }
            }
        }
        System.out.println(LagFigures.summary("hint published -> viewer reads sold-out", hinted));
        System.out.println(LagFigures.summary("order event sent to Kafka -> viewer reads sold-out", ordered));
    }
}
