package live.harvest.livestream.feed;

import live.harvest.livestream.counter.Counters;
import live.harvest.livestream.offer.StockNotice;
import live.harvest.livestream.stream.FeedNotice;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The coalescing rule of the live feed: bursts become at most one event per offer (or counter) per flush, the highest
 * stock version wins. The hub and the counters are replaced by recorders; LiveFeedTest proves the feed end to end.
 */
@UnitTest
class CoalescerTest {

    private record Published(UUID streamId, String type, Map<?, ?> data) {
    }

    private final List<Published> published = new ArrayList<>();
    private boolean hubDown;

    private final FeedHub hub = new FeedHub(null, null, null, null) {
        @Override
        public long publish(UUID streamId, String type, Object data) {
            if (hubDown) {
                throw new IllegalStateException("Redis is away");
            }
            published.add(new Published(streamId, type, (Map<?, ?>) data));
            return published.size();
        }
    };

    private final Counters counters = new Counters(null, null, null, null, null, null) {
        @Override
        public Live live(UUID streamId) {
            return new Live(12, 40, 7);
        }
    };

    private final Coalescer coalescer = new Coalescer(hub, counters, null);
    private final UUID stream = UUID.randomUUID();
    private final UUID offer = UUID.randomUUID();

    private List<String> types() {
        return published.stream().map(Published::type).toList();
    }

    @Test
    void givenABurstOfStockUpdatesArrivingOutOfOrder_whenFlushed_thenOneEventCarriesTheHighestVersion() {
        coalescer.onStock(new StockNotice(stream, offer, 90, 10));
        coalescer.onStock(new StockNotice(stream, offer, 70, 30));
        coalescer.onStock(new StockNotice(stream, offer, 80, 20));

        coalescer.flush();

        assertEquals(List.of(FeedNotice.STOCK), types());
        assertEquals(70, published.get(0).data().get("remaining"));
        assertEquals(offer, published.get(0).data().get("offerId"));
        assertEquals(stream, published.get(0).streamId());
    }

    @Test
    void givenTwoUpdatesWithTheSameVersion_whenFlushed_thenTheFirstIsKept() {
        coalescer.onStock(new StockNotice(stream, offer, 5, 7));
        coalescer.onStock(new StockNotice(stream, offer, 4, 7));

        coalescer.flush();

        assertEquals(5, published.get(0).data().get("remaining"));
    }

    @Test
    void givenTheLastUnitSold_whenFlushed_thenStockZeroIsFollowedBySoldOut() {
        coalescer.onStock(new StockNotice(stream, offer, 0, 3));

        coalescer.flush();

        assertEquals(List.of(FeedNotice.STOCK, FeedNotice.SOLD_OUT), types());
        assertEquals(Map.of("offerId", offer), published.get(1).data());
    }

    @Test
    void givenTwoOffersChanged_whenFlushed_thenEachGetsItsOwnEvent() {
        UUID other = UUID.randomUUID();
        coalescer.onStock(new StockNotice(stream, offer, 3, 1));
        coalescer.onStock(new StockNotice(stream, other, 9, 1));

        coalescer.flush();

        assertEquals(2, published.size());
        assertEquals(Set.of(offer, other), Set.copyOf(published.stream().map(p -> p.data().get("offerId")).toList()));
    }

    @Test
    void givenEverythingWasFlushed_whenFlushedAgain_thenNothingIsPublishedTwice() {
        coalescer.onStock(new StockNotice(stream, offer, 3, 1));
        coalescer.viewersChanged(stream);
        coalescer.flush();
        published.clear();

        coalescer.flush();

        assertEquals(List.of(), published);
    }

    @Test
    void givenViewersAndLikesChangedManyTimes_whenFlushed_thenEachCounterIsPublishedOnceWithItsLatestValue() {
        for (int i = 0; i < 100; i++) {
            coalescer.viewersChanged(stream);
            coalescer.likesChanged(stream);
        }

        coalescer.flush();

        assertEquals(List.of(FeedNotice.VIEWERS, FeedNotice.LIKES), types());
        assertEquals(Map.of("current", 12L, "unique", 40L), published.get(0).data());
        assertEquals(Map.of("likes", 7L), published.get(1).data());
    }

    @Test
    void givenCountersRefreshedAfterARedisLoss_whenFlushed_thenViewersAndLikesAreBothPublished() {
        coalescer.onRefreshed(new Counters.Refreshed(stream));

        coalescer.flush();

        assertEquals(List.of(FeedNotice.VIEWERS, FeedNotice.LIKES), types());
    }

    @Test
    void givenTheHubFailsDuringAFlush_whenFlushed_thenNothingEscapesAndWhatIsStillPendingGoesOutOnTheNextTick() {
        coalescer.viewersChanged(stream);
        coalescer.likesChanged(stream);
        hubDown = true;

        assertDoesNotThrow(coalescer::flush);
        hubDown = false;
        coalescer.flush();

        assertTrue(types().contains(FeedNotice.LIKES), types().toString());
    }
}
