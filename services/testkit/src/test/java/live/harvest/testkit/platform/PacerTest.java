package live.harvest.testkit.platform;

import live.harvest.platform.pacing.Pacer;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pacing rule of the stock hints (ADR 0028): first change at once, one gathered send per interval, urgent at once. */
@UnitTest
class PacerTest {

    private static final long MS = 1_000_000;

    private final Pacer<String> pacer = new Pacer<>(Duration.ofMillis(25));

    @Test
    void givenAQuietKey_whenItChanges_thenItIsSentAtOnce() {
        assertEquals(OptionalLong.of(0), pacer.changed("offer", 1_000 * MS, false));
    }

    @Test
    void givenASendJustWent_whenTheKeyChangesAgain_thenTheSendWaitsForTheRestOfTheInterval() {
        pacer.changed("offer", 1_000 * MS, false);
        pacer.sending("offer", 1_000 * MS);

        assertEquals(OptionalLong.of(15 * MS), pacer.changed("offer", 1_010 * MS, false));
    }

    @Test
    void givenASendIsDue_whenMoreChangesCome_thenTheyRideOnIt() {
        pacer.changed("offer", 1_000 * MS, false);
        pacer.sending("offer", 1_000 * MS);
        pacer.changed("offer", 1_005 * MS, false);

        assertEquals(OptionalLong.empty(), pacer.changed("offer", 1_006 * MS, false));
        assertEquals(OptionalLong.empty(), pacer.changed("offer", 1_020 * MS, false));
    }

    @Test
    void givenASendIsDue_whenTheKeyBecomesUrgent_thenItIsSentAtOnceAnyway() {
        pacer.changed("offer", 1_000 * MS, false);
        pacer.sending("offer", 1_000 * MS);
        pacer.changed("offer", 1_005 * MS, false);

        assertEquals(OptionalLong.of(0), pacer.changed("offer", 1_006 * MS, true));
    }

    @Test
    void givenTheDueSendWent_whenTheKeyChangesAfterAFullInterval_thenItIsSentAtOnce() {
        pacer.changed("offer", 1_000 * MS, false);
        pacer.sending("offer", 1_000 * MS);

        assertEquals(OptionalLong.of(0), pacer.changed("offer", 1_030 * MS, false));
    }

    @Test
    void givenTwoKeys_whenBothChange_thenEachIsPacedOnItsOwn() {
        pacer.changed("a", 1_000 * MS, false);
        pacer.sending("a", 1_000 * MS);

        assertEquals(OptionalLong.of(0), pacer.changed("b", 1_001 * MS, false));
        assertEquals(OptionalLong.of(24 * MS), pacer.changed("a", 1_001 * MS, false));
    }

    @Test
    void givenAKeyQuietLongerThanAsked_whenForgotten_thenOnlyKeysWithASendDueOrRecentStay() {
        pacer.changed("quiet", 1_000 * MS, false);
        pacer.sending("quiet", 1_000 * MS);
        pacer.changed("due", 1_000 * MS, false);
        pacer.changed("recent", 1_900 * MS, false);
        pacer.sending("recent", 1_900 * MS);

        pacer.forgetQuiet(2_000 * MS, Duration.ofMillis(500));

        assertEquals(2, pacer.size());
        assertEquals(OptionalLong.empty(), pacer.changed("due", 2_000 * MS, false));
        assertEquals(OptionalLong.of(0), pacer.changed("quiet", 2_000 * MS, false));
    }
}
