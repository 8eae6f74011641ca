package live.harvest.logistics.wave;

import live.harvest.logistics.wave.Wave.Status;
import live.harvest.platform.problem.DomainException;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import static live.harvest.logistics.wave.Wave.Status.CANCELLED;
import static live.harvest.logistics.wave.Wave.Status.DISPATCHED;
import static live.harvest.logistics.wave.Wave.Status.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dispatch wave's state machine, without a running service. */
@UnitTest
class WaveStatusTest {

    @Test
    void givenAnOpenWave_thenItMayBeDispatchedOrCancelledAndNothingElse() {
        assertEquals(EnumSet.of(DISPATCHED, CANCELLED), OPEN.next());
    }

    @Test
    void givenADispatchedOrCancelledWave_thenItIsFinal() {
        for (Status s : EnumSet.of(DISPATCHED, CANCELLED)) {
            assertTrue(s.isFinal(), s.name());
        }
    }

    @Test
    void givenAWaveNoLongerOpen_whenItIsDispatchedOrCancelled_thenItIsRefusedAsWaveNotOpen() {
        for (Status from : EnumSet.of(DISPATCHED, CANCELLED)) {
            for (Status to : Status.values()) {
                Wave wave = wave(from);
                DomainException refused = assertThrows(DomainException.class, () -> wave.refuseUnlessItMayBecome(to));
                assertEquals(409, refused.status(), from + " -> " + to);
                assertEquals("https://harvest.live/problems/wave-not-open", refused.toProblem().type().toString(),
                        from + " -> " + to);
            }
        }
    }

    @Test
    void givenAnOpenWave_whenDispatched_thenItRecordsWhen() {
        Wave wave = wave(OPEN);
        Instant at = Instant.parse("2025-06-01T08:00:00Z");

        wave.dispatch(at);

        assertEquals(DISPATCHED, wave.status);
        assertEquals(at, wave.dispatchedAt);
    }

    private static Wave wave(Status status) {
        Wave wave = new Wave();
        wave.id = UUID.randomUUID();
        wave.status = status;
        return wave;
    }
}
