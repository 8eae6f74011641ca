package live.harvest.testkit.platform;

import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.Stream;

import static live.harvest.platform.event.common.TemperatureClass.AMBIENT;
import static live.harvest.platform.event.common.TemperatureClass.CHILLED;
import static live.harvest.platform.event.common.TemperatureClass.FROZEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How goods must be kept: which need the cold chain, which readings are in range, what class a mixed parcel has. */
@UnitTest
class TemperatureClassTest {

    @Test
    void givenEachClass_thenOnlyChilledAndFrozenNeedTheColdChain() {
        assertFalse(AMBIENT.needsColdChain());
        assertTrue(CHILLED.needsColdChain());
        assertTrue(FROZEN.needsColdChain());
    }

    @Test
    void givenReadingsOnTheBoundsOfARange_thenTheyAreAllowedAndAHairOutsideIsNot() {
        assertTrue(CHILLED.allows(0.0));
        assertTrue(CHILLED.allows(8.0));
        assertFalse(CHILLED.allows(-0.1));
        assertFalse(CHILLED.allows(8.1));

        assertTrue(FROZEN.allows(-30.0));
        assertTrue(FROZEN.allows(-15.0));
        assertFalse(FROZEN.allows(-14.9));
        assertFalse(FROZEN.allows(-30.1));

        assertTrue(AMBIENT.allows(35.0));
        assertFalse(AMBIENT.allows(35.5));
        assertFalse(AMBIENT.allows(-10.5));
    }

    @Test
    void givenAChilledParcel_whenItReadsAFrozenTemperature_thenThatIsAnExcursionToo() {
        assertFalse(CHILLED.allows(-18.0));
        assertFalse(FROZEN.allows(4.0));
    }

    @Test
    void givenAMixedParcel_whenItsClassIsTaken_thenTheMostDemandingItemDecides() {
        assertEquals(FROZEN, TemperatureClass.strictest(Stream.of(AMBIENT, FROZEN, CHILLED)));
        assertEquals(FROZEN, TemperatureClass.strictest(Stream.of(FROZEN, CHILLED, AMBIENT)));
        assertEquals(CHILLED, TemperatureClass.strictest(Stream.of(AMBIENT, CHILLED, AMBIENT)));
    }

    @Test
    void givenNoItemsOrOnlyUnknownClasses_whenTheClassIsTaken_thenTheParcelIsAmbient() {
        assertEquals(AMBIENT, TemperatureClass.strictest(Stream.empty()));
        assertEquals(AMBIENT, TemperatureClass.strictest(Arrays.stream(new TemperatureClass[]{null, null})));
        assertEquals(CHILLED, TemperatureClass.strictest(Stream.of(null, CHILLED, null)));
    }
}
