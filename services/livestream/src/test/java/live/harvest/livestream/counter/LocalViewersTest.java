package live.harvest.livestream.counter;

import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The per-instance connection count that is written back to Redis after a loss. Plain JUnit, no Quarkus. */
@UnitTest
class LocalViewersTest {

    private final LocalViewers local = new LocalViewers();
    private final UUID stream = UUID.randomUUID();

    @Test
    void givenTwoOpenConnections_whenThreeLeave_thenTheCountStopsAtZero() {
        local.joined(stream);
        local.joined(stream);

        local.left(stream);
        local.left(stream);
        local.left(stream);

        assertEquals(0, local.of(stream));
    }

    @Test
    void givenTheLastViewerLeft_whenTheZeroWasNotWrittenYet_thenTheStreamIsStillListedSoItsZeroGetsWritten() {
        local.joined(stream);

        local.left(stream);

        assertEquals(Map.of(stream, 0L), local.snapshot());
    }

    @Test
    void givenAZeroWasWritten_whenNobodyJoinedMeanwhile_thenTheStreamIsForgotten() {
        local.joined(stream);
        local.left(stream);

        local.forgetIfNone(stream);

        assertEquals(Map.of(), local.snapshot());
    }

    @Test
    void givenAZeroWasWritten_whenAViewerJoinedMeanwhile_thenTheStreamIsKept() {
        local.joined(stream);
        local.left(stream);
        local.joined(stream);

        local.forgetIfNone(stream);

        assertEquals(Map.of(stream, 1L), local.snapshot());
    }
}
