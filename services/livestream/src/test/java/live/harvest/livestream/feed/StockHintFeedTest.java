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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Orders' stock hints on the live feed (ADR 0028): real Redis pub/sub, a real SSE viewer, real Kafka order events. */
@QuarkusTest
@WithTestResource(CatalogDouble.class)
class StockHintFeedTest {

    @Inject
    EventCodec codec;

    @Inject
    StockHints pool;

    UUID seller;
    UUID stream;
    UUID offer;

    @BeforeEach
    void anOfferOf20OnALiveStream() {
        seller = Given.verifiedSeller();
        stream = Given.liveStream(seller);
        offer = Given.offer(seller, stream, 20);
    }

    @Test
    void givenAViewer_whenAHintSaysThePoolIsEmpty_thenTheViewerSeesSoldOutWithoutAnyOrderEvent() {
        try (SseClient viewer = SseClient.open(feed())) {
            viewer.awaitEvent("snapshot", data -> true);

            // When orders' pool hints that no unit is left (no order event is ever sent)
            assertTrue(pool.left(offer, 0, 100) >= 1, "the feed's subscription hears the channel");

            // Then the viewer sees stock 0, then sold-out
            viewer.awaitEvent("sold-out", this::ofOffer);
            assertEquals(0, viewer.awaitEvent("stock", this::ofOffer).data().path("remaining").asInt());
        }
    }

    @Test
    void givenAHintWasShown_whenAnOlderHintArrives_thenItIsIgnoredAndANewerOneStillShows() {
        try (SseClient viewer = SseClient.open(feed())) {
            viewer.awaitEvent("snapshot", data -> true);
            pool.left(offer, 12, 200);
            viewer.awaitEvent("stock", data -> ofOffer(data) && data.path("remaining").asInt() == 12);

            // When a hint read before it (a lower version) arrives late
            pool.left(offer, 15, 150);

            // Then it is never shown (a pending hint goes out within 250 ms), and a newer one is
            await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2))
                    .until(() -> viewer.ofType("stock").stream().noneMatch(e -> e.data().path("remaining").asInt() == 15));
            pool.left(offer, 0, 201);
            viewer.awaitEvent("sold-out", this::ofOffer);
        }
    }

    @Test
    void givenASoldOutHint_whenTheOrderEventsArriveAfterIt_thenNoPhantomUnitsShowAndALateViewerSeesSoldOut() {
        try (SseClient viewer = SseClient.open(feed()); OrderFeed orders = new OrderFeed(codec)) {
            viewer.awaitEvent("snapshot", data -> true);
            pool.left(offer, 0, 300);
            viewer.awaitEvent("sold-out", this::ofOffer);

            // When the order events of the rush arrive later (the first leaves 17 by their count)
            orders.send(OrderFeed.placed(UUID.randomUUID(), seller, stream, offer, 3, 9_900));
            orders.flush();

            // Then the feed never goes back to 17 while hints flow
            await().during(Duration.ofMillis(1_000)).atMost(Duration.ofSeconds(3))
                    .until(() -> viewer.ofType("stock").stream().noneMatch(e -> e.data().path("remaining").asInt() == 17));
        }
        // and a viewer arriving now (orders confirming the pool meanwhile) gets a snapshot that says 0, as shown
        pool.left(offer, 0, 301);
        try (SseClient late = SseClient.open(feed())) {
            SseClient.Event snapshot = late.awaitEvent("snapshot", data -> true);
            assertEquals(0, snapshot.data().path("offers").get(0).path("remaining").asInt());
        }
    }

    @Test
    void givenASoldOutOffer_whenAHintSaysUnitsCameBack_thenTheViewerSeesThemAgain() {
        try (SseClient viewer = SseClient.open(feed())) {
            viewer.awaitEvent("snapshot", data -> true);
            pool.left(offer, 0, 400);
            viewer.awaitEvent("sold-out", this::ofOffer);

            // When a buyer cancels and orders hints 2 units back
            pool.left(offer, 2, 401);

            // Then the viewer sees 2 remaining
            viewer.awaitEvent("stock", data -> ofOffer(data) && data.path("remaining").asInt() == 2);
        }
    }

    @Test
    void givenHintsStopped_whenTheHintLeaseLapses_thenTheOrderEventsFigureShowsAgain() {
        try (SseClient viewer = SseClient.open(feed()); OrderFeed orders = new OrderFeed(codec)) {
            viewer.awaitEvent("snapshot", data -> true);
            pool.left(offer, 18, 500);
            viewer.awaitEvent("stock", data -> ofOffer(data) && data.path("remaining").asInt() == 18);

            // When two orders are placed but the hint of the second is lost (a Redis blip)
            orders.send(OrderFeed.placed(UUID.randomUUID(), seller, stream, offer, 2, 9_900));
            orders.send(OrderFeed.placed(UUID.randomUUID(), seller, stream, offer, 3, 9_900));
            orders.flush();

            // Then once the lease (2 s in tests as in production) is over, the order events' 15 shows
            viewer.awaitEvent("stock", data -> ofOffer(data) && data.path("remaining").asInt() == 15);
        }
    }

    private boolean ofOffer(com.fasterxml.jackson.databind.JsonNode data) {
        return data.path("offerId").asText().equals(offer.toString());
    }

    private String feed() {
        return "/api/v1/streams/" + stream + "/feed";
    }
}
