package live.harvest.livestream.feed;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.livestream.support.Given;
import live.harvest.livestream.support.OrderFeed;
import live.harvest.livestream.support.SseClient;
import live.harvest.platform.event.EventCodec;
import live.harvest.testkit.Problems;
import live.harvest.testkit.Tokens;
import live.harvest.testkit.catalog.CatalogDouble;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(CatalogDouble.class)
class LiveFeedTest {

    @Inject
    EventCodec codec;

    @Test
    void aSubscribedViewerSeesTheOfferPinnedAndItsStockGoDown() {
        // Given a live stream with a viewer subscribed to its feed
        UUID seller = Given.verifiedSeller();
        UUID stream = Given.liveStream(seller);
        try (SseClient viewer = SseClient.open(feed(stream));
             OrderFeed orders = new OrderFeed(codec)) {
            assertEquals(200, viewer.status());
            viewer.awaitEvent("snapshot", data -> data.path("streamId").asText().equals(stream.toString()));

            // When the anchor pins an offer of 20 units
            UUID offer = Given.offer(seller, stream, 20);

            // Then the viewer sees it pinned
            viewer.awaitEvent("offer-pinned", data -> data.path("id").asText().equals(offer.toString())
                    && data.path("remaining").asInt() == 20);

            // When a buyer's order of 3 units is placed
            orders.send(OrderFeed.placed(UUID.randomUUID(), seller, stream, offer, 3, 9_900));
            orders.flush();

            // Then the viewer sees 17 remaining, and the viewer count
            viewer.awaitEvent("stock", data -> data.path("offerId").asText().equals(offer.toString())
                    && data.path("remaining").asInt() == 17);
            viewer.awaitEvent("viewers", data -> data.path("current").asLong() >= 1);
            // and event ids only ever increase
            List<Long> ids = viewer.events().stream().map(SseClient.Event::id).toList();
            for (int i = 1; i < ids.size(); i++) {
                assertTrue(ids.get(i) > ids.get(i - 1), "ids must increase: " + ids);
            }
        }
    }

    @Test
    void aRushOfOrdersIsCoalescedIntoAFewStockEventsEndingAtTheRightRemaining() {
        // Given a viewer of an offer of 500 units
        UUID seller = Given.verifiedSeller();
        UUID stream = Given.liveStream(seller);
        UUID offer = Given.offer(seller, stream, 500);
        try (SseClient viewer = SseClient.open(feed(stream)); OrderFeed orders = new OrderFeed(codec)) {
            viewer.awaitEvent("snapshot", data -> true);

            // When 200 one-unit orders are placed as fast as Kafka takes them
            for (int i = 0; i < 200; i++) {
                orders.send(OrderFeed.placed(UUID.randomUUID(), seller, stream, offer, 1, 9_900));
            }
            orders.flush();

            // Then the last stock event shows 300 remaining
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                List<SseClient.Event> stock = stockOf(viewer, offer);
                return !stock.isEmpty() && stock.get(stock.size() - 1).data().path("remaining").asInt() == 300;
            });
            // and far fewer than 200 stock events were sent: never more than 4 within any second
            List<Instant> sentAt = stockOf(viewer, offer).stream()
                    .map(e -> Instant.parse(e.data().path("at").asText())).toList();
            assertTrue(sentAt.size() < 200, "expected coalesced stock events, got " + sentAt.size());
            for (int i = 0; i + 4 < sentAt.size(); i++) {
                Duration fiveEventsSpan = Duration.between(sentAt.get(i), sentAt.get(i + 4));
                assertTrue(fiveEventsSpan.compareTo(Duration.ofSeconds(1)) >= 0,
                        "more than 4 stock events within a second: " + sentAt.subList(i, i + 5));
            }
        }
    }

    @Test
    void reconnectingWithLastEventIdStartsWithASnapshotOfWhatWasMissed() {
        // Given a viewer who saw the first offer pinned, then disconnected
        UUID seller = Given.verifiedSeller();
        UUID stream = Given.liveStream(seller);
        UUID first = Given.offer(seller, stream, 10);
        long lastSeen;
        try (SseClient viewer = SseClient.open(feed(stream))) {
            lastSeen = viewer.awaitEvent("snapshot", data -> true).id();
        }
        // and while away the anchor pinned a second offer and a like came in
        UUID second = Given.offer(seller, stream, 30);
        given().auth().oauth2(Tokens.consumer(UUID.randomUUID())).post("/api/v1/streams/" + stream + "/likes")
                .then().statusCode(200);

        // When the viewer reconnects with Last-Event-ID
        try (SseClient viewer = SseClient.resume(feed(stream), lastSeen)) {
            // Then the first event is a snapshot with both open offers, the second pinned, and the like
            SseClient.Event snapshot = viewer.awaitEvent("snapshot", data -> true);
            assertEquals("snapshot", viewer.events().get(0).type());
            assertEquals(second.toString(), snapshot.data().path("pinnedOfferId").asText());
            assertEquals(2, snapshot.data().path("offers").size());
            assertEquals(lastSeen, snapshot.data().path("resumedAfter").asLong());
            assertEquals(1, snapshot.data().path("likes").asLong());
            assertTrue(snapshot.id() > lastSeen, "the snapshot's id covers the missed events");
            snapshot.data().path("offers").forEach(offer -> assertTrue(
                    offer.path("id").asText().equals(first.toString()) || offer.path("id").asText()
                            .equals(second.toString())));
        }
    }

    @Test
    void theFeedOfAnUnknownStreamIsNotFound() {
        Problems.assertProblem(given().get(feed(UUID.randomUUID())).then(), 404);
    }

    private static List<SseClient.Event> stockOf(SseClient viewer, UUID offer) {
        return viewer.ofType("stock").stream()
                .filter(e -> e.data().path("offerId").asText().equals(offer.toString())).toList();
    }

    private static String feed(UUID stream) {
        return "/api/v1/streams/" + stream + "/feed";
    }
}
