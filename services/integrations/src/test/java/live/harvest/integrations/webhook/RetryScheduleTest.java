package live.harvest.integrations.webhook;

import live.harvest.integrations.webhook.delivery.RetrySchedule;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The retry schedule as a pure rule (no Quarkus). */
@UnitTest
class RetryScheduleTest {

    private static final List<Duration> DEFAULT = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(10));
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void givenTheDefaultSchedule_thenEightAttemptsSpreadOverAboutADay() {
        RetrySchedule schedule = new RetrySchedule(DEFAULT, 0.2);

        assertEquals(8, schedule.attempts());
        assertEquals(Duration.ofHours(27).plusMinutes(35).plusSeconds(5), schedule.span());
    }

    @Test
    void givenNoJitter_whenEachAttemptFails_thenTheNextComesAfterTheScheduledDelayAndNoneAfterTheEighth() {
        RetrySchedule schedule = new RetrySchedule(DEFAULT, 0);

        for (int failed = 1; failed < 8; failed++) {
            assertEquals(Optional.of(NOW.plus(DEFAULT.get(failed))), schedule.nextAttempt(failed, NOW, () -> 0.7),
                    "after attempt " + failed);
        }
        assertEquals(Optional.empty(), schedule.nextAttempt(8, NOW, () -> 0.5));
        assertEquals(Optional.empty(), schedule.nextAttempt(9, NOW, () -> 0.5));
    }

    @Test
    void givenTwentyPercentJitter_thenEveryDelayStaysWithinPlusMinusTwentyPercentAndTheExtremesAreReached() {
        RetrySchedule schedule = new RetrySchedule(DEFAULT, 0.2);
        Duration fiveMinutes = Duration.ofMinutes(5);

        assertEquals(Duration.ofMinutes(4), schedule.jittered(fiveMinutes, () -> 0.0));
        assertEquals(Duration.ofMinutes(6), schedule.jittered(fiveMinutes, () -> 1.0));
        assertEquals(fiveMinutes, schedule.jittered(fiveMinutes, () -> 0.5));
        Random random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            Duration delay = Duration.between(NOW, schedule.nextAttempt(2, NOW, random::nextDouble).orElseThrow());
            assertTrue(delay.compareTo(Duration.ofMinutes(4)) >= 0 && delay.compareTo(Duration.ofMinutes(6)) <= 0,
                    delay.toString());
        }
    }

    @Test
    void givenAZeroDelay_thenJitterLeavesItZero() {
        assertEquals(Duration.ZERO, new RetrySchedule(DEFAULT, 0.2).jittered(Duration.ZERO, () -> 0.99));
    }

    @Test
    void givenAnEmptyScheduleOrJitterOfOneOrMore_thenItIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(List.of(), 0.2));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(DEFAULT, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(DEFAULT, -0.1));
    }
}
