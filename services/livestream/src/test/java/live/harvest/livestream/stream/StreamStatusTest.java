package live.harvest.livestream.stream;

import live.harvest.platform.problem.DomainException;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static live.harvest.livestream.stream.StreamStatus.CANCELLED;
import static live.harvest.livestream.stream.StreamStatus.ENDED;
import static live.harvest.livestream.stream.StreamStatus.LIVE;
import static live.harvest.livestream.stream.StreamStatus.SCHEDULED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The stream lifecycle as a table: SCHEDULED → LIVE → ENDED, or SCHEDULED → CANCELLED, nothing else. */
@UnitTest
class StreamStatusTest {

    private static final Map<StreamStatus, Set<StreamStatus>> MOVES = Map.of(
            SCHEDULED, Set.of(LIVE, CANCELLED),
            LIVE, Set.of(ENDED),
            ENDED, Set.of(),
            CANCELLED, Set.of());

    @Test
    void givenEveryPairOfStatuses_whenAskedWhetherTheFirstMayBecomeTheSecond_thenOnlyTheLifecycleMovesAreAllowed() {
        for (StreamStatus from : StreamStatus.values()) {
            for (StreamStatus to : StreamStatus.values()) {
                assertEquals(MOVES.get(from).contains(to), from.canMoveTo(to), from + " → " + to);
            }
            assertEquals(MOVES.get(from).isEmpty(), from.isFinal(), from + " is final");
        }
    }

    @Test
    void givenAStreamThatIsNotLive_whenItEnds_thenItIsRefusedAsStreamNotLive() {
        for (StreamStatus status : new StreamStatus[]{SCHEDULED, ENDED, CANCELLED}) {
            DomainException refused = assertThrows(DomainException.class, () -> streamIn(status).end(Instant.now()));
            assertRefused(refused, "stream-not-live");
        }
    }

    @Test
    void givenAStreamThatIsNotScheduled_whenItGoesLiveOrIsCancelled_thenItIsRefusedAsStreamNotScheduled() {
        for (StreamStatus status : new StreamStatus[]{LIVE, ENDED, CANCELLED}) {
            assertRefused(assertThrows(DomainException.class, () -> streamIn(status).goLive(Instant.now())),
                    "stream-not-scheduled");
            assertRefused(assertThrows(DomainException.class, () -> streamIn(status).cancel("rain", Instant.now())),
                    "stream-not-scheduled");
        }
    }

    @Test
    void givenAScheduledStream_whenItGoesLiveAndEnds_thenEachMoveIsRecordedWithItsTime() {
        Stream stream = streamIn(SCHEDULED);
        Instant start = Instant.parse("2027-05-01T08:00:00Z");
        Instant end = start.plusSeconds(3600);

        stream.goLive(start);
        stream.end(end);

        assertEquals(ENDED, stream.status);
        assertEquals(start, stream.startedAt);
        assertEquals(end, stream.endedAt);
    }

    private static Stream streamIn(StreamStatus status) {
        Stream stream = new Stream();
        stream.status = status;
        return stream;
    }

    private static void assertRefused(DomainException refused, String slug) {
        assertEquals(409, refused.status());
        assertEquals("https://harvest.live/problems/" + slug, refused.toProblem().type().toString());
    }
}
