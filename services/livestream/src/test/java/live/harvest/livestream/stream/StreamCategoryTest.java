package live.harvest.livestream.stream;

import live.harvest.platform.problem.DomainException;
import live.harvest.platform.problem.Problem;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Streams are filed under catalog's taxonomy: how a category given by a seller or a viewer is read. */
@UnitTest
class StreamCategoryTest {

    @Test
    void givenACategoryInAnySpelling_whenRead_thenItIsTheTaxonomysName() {
        assertEquals("TEA", StreamService.canonicalCategory("tea"));
        assertEquals("TEA", StreamService.canonicalCategory(" Tea "));
        assertEquals("GRAIN_AND_OIL", StreamService.canonicalCategory("grain-and-oil"));
        assertEquals("GRAIN_AND_OIL", StreamService.canonicalCategory("GRAIN_AND_OIL"));
    }

    @Test
    void givenACategoryOutsideTheTaxonomy_whenRead_thenA400NamesTheFieldAndListsTheChoices() {
        for (String unknown : new String[]{"snacks", "", "tea leaves", "grain and oil"}) {
            DomainException refused = assertThrows(DomainException.class,
                    () -> StreamService.canonicalCategory(unknown), unknown);
            assertEquals(400, refused.status());
            Problem.FieldError error = refused.toProblem().errors().get(0);
            assertEquals("category", error.field());
            assertTrue(error.message().startsWith("must be one of [FRUIT, "), error.message());
        }
    }
}
