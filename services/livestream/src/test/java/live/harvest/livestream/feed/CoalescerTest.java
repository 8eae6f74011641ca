package live.harvest.livestream.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import live.harvest.livestream.config.LivestreamConfig;
import live.harvest.livestream.counter.Counters;
import live.harvest.livestream.offer.OfferStreams;
import live.harvest.livestream.offer.StockNotice;
import live.harvest.livestream.stream.FeedNotice;
import live.harvest.platform.event.EventCodec;
import live.harvest.platform.event.orders.PoolStockHint;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The coalescing rule of the live feed: bursts become at most one event per offer (or counter) per flush, the highest
 * stock version wins; a hint is shown at once after a quiet interval or when the pool emptied, else once the interval
 * is over. The hub, the stock feed and the counters are replaced by recorders; LiveFeedTest and StockHintFeedTest
 * prove the feed end to end, StockFeedTest the rule of what is newer than what the feed shows.
 */
@UnitTest
class CoalescerTest {

    private record Published(UUID streamId, String type, Map<?, ?> data) {
    }

    private final List<Published> published = new ArrayList<>();
    private boolean hubDown;

    private record Shown(UUID streamId, UUID offerId, StockFeed.Source source, long version, int remaining) {
    }

    private final List<Shown> shown = new ArrayList<>();
    private StockFeed.Outcome outcome = StockFeed.Outcome.SHOWN;

    private final StockFeed stockFeed = new StockFeed(null, null, null) {
        @Override
        public Outcome show(UUID streamId, UUID offerId, Source source, long version, int remaining) {
            shown.add(new Shown(streamId, offerId, source, version, remaining));
            return outcome;
        }
    };

    private final FeedHub hub = new FeedHub(null, null, null, null, null, null) {
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

    private final UUID stream = UUID.randomUUID();
    private final UUID offer = UUID.randomUUID();

    private final OfferStreams offers = new OfferStreams(null) {
        @Override
        public Optional<UUID> streamOf(UUID offerId) {
            return offerId.equals(offer) ? Optional.of(stream) : Optional.empty();
        }
    };

    private final LivestreamConfig config = new LivestreamConfig() {
        @Override
        public Feed feed() {
            return new Feed() {
                @Override
                public Duration coalesceInterval() {
                    return Duration.ofMinutes(1); // a paced hint waits for a timer the test never starts
                }

                @Override
                public Duration hintLease() {
                    return Duration.ofSeconds(2);
                }

                @Override
                public Duration keepAlive() {
                    return Duration.ofSeconds(15);
                }
            };
        }

        @Override
        public Counters counters() {
            return null;
        }

        @Override
        public Offers offers() {
            return null;
        }

        @Override
        public Viewers viewers() {
            return null;
        }
    };

    private final EventCodec codec = new EventCodec(new ObjectMapper().findAndRegisterModules());
    private final Coalescer coalescer = new Coalescer(hub, stockFeed, offers, codec, counters, config);

    private List<String> types() {
        return published.stream().map(Published::type).toList();
    }

    @Test
    void givenABurstOfStockUpdatesArrivingOutOfOrder_whenFlushed_thenOneEventCarriesTheHighestVersion() {
        coalescer.onStock(new StockNotice(stream, offer, 90, 10));
        coalescer.onStock(new StockNotice(stream, offer, 70, 30));
        coalescer.onStock(new StockNotice(stream, offer, 80, 20));

        coalescer.flush();

        assertEquals(List.of(new Shown(stream, offer, StockFeed.Source.ORDERS, 30, 70)), shown);
    }

    @Test
    void givenTwoUpdatesWithTheSameVersion_whenFlushed_thenTheFirstIsKept() {
        coalescer.onStock(new StockNotice(stream, offer, 5, 7));
        coalescer.onStock(new StockNotice(stream, offer, 4, 7));

        coalescer.flush();

        assertEquals(5, shown.get(0).remaining());
    }

    @Test
    void givenTwoOffersChanged_whenFlushed_thenEachGetsItsOwnEvent() {
        UUID other = UUID.randomUUID();
        coalescer.onStock(new StockNotice(stream, offer, 3, 1));
        coalescer.onStock(new StockNotice(stream, other, 9, 1));

        coalescer.flush();

        assertEquals(Set.of(offer, other), Set.copyOf(shown.stream().map(Shown::offerId).toList()));
    }

    @Test
    void givenEverythingWasFlushed_whenFlushedAgain_thenNothingIsPublishedTwice() {
        coalescer.onStock(new StockNotice(stream, offer, 3, 1));
        coalescer.viewersChanged(stream);
        coalescer.flush();
        published.clear();
        shown.clear();

        coalescer.flush();

        assertEquals(List.of(), published);
        assertEquals(List.of(), shown);
    }

    @Test
    void givenHintsAreFlowing_whenAnOrderEventsFigureIsDeferred_thenItIsTriedAgainOnTheNextFlush() {
        coalescer.onStock(new StockNotice(stream, offer, 9, 4));
        outcome = StockFeed.Outcome.DEFERRED;
        coalescer.flush();
        outcome = StockFeed.Outcome.SHOWN;

        coalescer.flush();

        assertEquals(2, shown.size());
        assertEquals(shown.get(0), shown.get(1));
    }

    @Test
    void givenAQuietOffer_whenAHintArrives_thenItIsShownAtOnce() {
        coalescer.hint(hint(offer, 7, 100, true));

        assertEquals(List.of(new Shown(stream, offer, StockFeed.Source.HINT, 100, 7)), shown);
    }

    @Test
    void givenAHintWasJustShown_whenMoreHintsArriveWithinTheInterval_thenTheyWaitAndOnlyAnEmptiedPoolGoesAtOnce() {
        coalescer.hint(hint(offer, 7, 100, true));
        coalescer.hint(hint(offer, 5, 102, true));
        coalescer.hint(hint(offer, 6, 101, true));
        assertEquals(1, shown.size());

        coalescer.hint(hint(offer, 0, 103, true));

        assertEquals(new Shown(stream, offer, StockFeed.Source.HINT, 103, 0), shown.get(1));
        assertEquals(2, shown.size());
    }

    @Test
    void givenAClosedPoolsHint_whenItArrives_thenItIsPassedOnAtOnceToBeRecordedNotShown() {
        coalescer.hint(hint(offer, 0, 100, false));

        assertEquals(List.of(new Shown(stream, offer, StockFeed.Source.HINT, 100, StockFeed.CLOSED)), shown);
    }

    @Test
    void givenAHintOfAnOfferThisServiceDoesNotKnow_orNotAHintAtAll_whenHeard_thenNothingIsShownAndNothingThrows() {
        coalescer.hint(hint(UUID.randomUUID(), 0, 100, true));
        assertDoesNotThrow(() -> coalescer.hint("{not json"));

        assertEquals(List.of(), shown);
    }

    private String hint(UUID offerId, long left, long version, boolean open) {
        return codec.toJson(new PoolStockHint(offerId, left, 3, version, open));
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
