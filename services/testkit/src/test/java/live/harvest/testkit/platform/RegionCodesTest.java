package live.harvest.testkit.platform;

import live.harvest.platform.region.RegionCodes;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Administrative division codes: their shapes and how a finer code lies inside its parent. */
@UnitTest
class RegionCodesTest {

    @Test
    void givenCodesOfEachLevel_whenClassified_thenOnlyTheRightLengthStartingWithANonZeroDigitFits() {
        assertTrue(RegionCodes.isCounty("330127"));
        assertTrue(RegionCodes.isTownship("330127100"));
        assertTrue(RegionCodes.isVillage("330127100201"));

        assertFalse(RegionCodes.isCounty("330127100"));
        assertFalse(RegionCodes.isTownship("330127"));
        assertFalse(RegionCodes.isVillage("330127100"));
    }

    @Test
    void givenMalformedCodes_whenClassified_thenNoneIsAcceptedAtAnyLevel() {
        for (String bad : new String[]{null, "", "033012", "33012a", " 330127", "330127 ", "３３０１２７",
                "330127\n", "-33012"}) {
            assertFalse(RegionCodes.isCounty(bad), "county " + bad);
            assertFalse(RegionCodes.isTownship(bad + "100"), "township " + bad);
            assertFalse(RegionCodes.isVillage(bad + "100201"), "village " + bad);
        }
    }

    @Test
    void givenAChildAndAParent_whenChecked_thenTheChildLiesWithinOnlyIfItIsLongerAndStartsWithTheParent() {
        assertTrue(RegionCodes.within("330127100", "330127"));
        assertTrue(RegionCodes.within("330127100201", "330127100"));
        assertFalse(RegionCodes.within("330122100", "330127"));
        assertFalse(RegionCodes.within("330127", "330127"), "a code does not lie within itself");
        assertFalse(RegionCodes.within("330127", "330127100"), "a parent does not lie within its child");
        assertFalse(RegionCodes.within(null, "330127"));
        assertFalse(RegionCodes.within("330127100", null));
    }

    @Test
    void givenAVillageCode_whenItsParentsAreTaken_thenTheyAreItsPrefixes() {
        assertEquals("330127", RegionCodes.countyOf("330127100201"));
        assertEquals("330127", RegionCodes.countyOf("330127100"));
        assertEquals("330127100", RegionCodes.townshipOf("330127100201"));
    }
}
