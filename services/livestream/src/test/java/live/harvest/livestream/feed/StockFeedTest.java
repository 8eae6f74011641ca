package live.harvest.livestream.feed;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.livestream.feed.StockFeed.Outcome;
import live.harvest.livestream.feed.StockFeed.Source;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the feed shows of an offer's stock, decided in Redis (ADR 0028): each source's figures in version order, no
 * figure twice, and the order events' figures held back while the pool's hints flow. Real Redis; every instance
 * calling the same script is what makes the rule hold across instances.
 */
@QuarkusTest
class StockFeedTest {

    @Inject
    StockFeed feed;

    private final UUID stream = UUID.randomUUID();
    private final UUID offer = UUID.randomUUID();

    /** Puts another offer's figure on the stream's feed, so its sequence exists; returns the last id. */
    private long startedFeed() {
        feed.show(stream, UUID.randomUUID(), Source.ORDERS, 1, 5);
        return feed.mark(stream).lastId();
    }

    @Test
    void givenAHintWasShown_whenAnOlderHintComes_thenItIsStaleAndTheFeedKeepsTheNewerFigure() {
        assertEquals(Outcome.SHOWN, feed.show(stream, offer, Source.HINT, 1_000, 8));

        assertEquals(Outcome.STALE, feed.show(stream, offer, Source.HINT, 999, 11));
        assertEquals(Map.of(offer, 8), feed.mark(stream).shown());
    }

    @Test
    void givenAFigureOnScreen_whenANewerHintSaysTheSame_thenNothingIsPublishedButTheVersionCounts() {
        long before = startedFeed();
        feed.show(stream, offer, Source.HINT, 1_000, 8);

        assertEquals(Outcome.STALE, feed.show(stream, offer, Source.HINT, 1_001, 8));
        assertEquals(Outcome.STALE, feed.show(stream, offer, Source.HINT, 1_000, 6));
        assertEquals(before + 1, feed.mark(stream).lastId(), "one stock event");
    }

    @Test
    void givenAnEmptyPoolsHint_whenShown_thenStockAndSoldOutAreTwoEvents() {
        long before = startedFeed();

        assertEquals(Outcome.SHOWN, feed.show(stream, offer, Source.HINT, 1_000, 0));

        assertEquals(before + 2, feed.mark(stream).lastId());
    }

    @Test
    void givenHintsFlow_whenAnOrderEventsFigureComes_thenItIsDeferredAndNotCountedAsSeen() {
        feed.show(stream, offer, Source.HINT, 1_000, 0);

        assertEquals(Outcome.DEFERRED, feed.show(stream, offer, Source.ORDERS, 3, 17));
        assertEquals(Outcome.DEFERRED, feed.show(stream, offer, Source.ORDERS, 3, 17));
        assertEquals(0, feed.mark(stream).shown().get(offer));
    }

    @Test
    void givenNoHints_whenOrderEventsFiguresComeOutOfOrder_thenOnlyNewerVersionsShow() {
        assertEquals(Outcome.SHOWN, feed.show(stream, offer, Source.ORDERS, 5, 15));

        assertEquals(Outcome.STALE, feed.show(stream, offer, Source.ORDERS, 4, 16));
        assertEquals(Outcome.SHOWN, feed.show(stream, offer, Source.ORDERS, 6, 14));
        assertEquals(Map.of(offer, 14), feed.mark(stream).shown());
    }

    @Test
    void givenAClosedPoolsHint_whenAnOlderOpenHintArrivesAfterIt_thenNeitherShowsAnything() {
        long before = startedFeed();

        assertEquals(Outcome.STALE, feed.show(stream, offer, Source.HINT, 2_000, StockFeed.CLOSED));
        assertEquals(Outcome.STALE, feed.show(stream, offer, Source.HINT, 1_999, 4));
        assertEquals(before, feed.mark(stream).lastId());
    }
}
