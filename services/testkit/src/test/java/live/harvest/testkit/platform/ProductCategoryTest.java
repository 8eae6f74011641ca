package live.harvest.testkit.platform;

import live.harvest.platform.event.common.ProductCategory;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shared taxonomy's reader: catalog listings and livestream discovery file things under the same names. */
@UnitTest
class ProductCategoryTest {

    @Test
    void givenAKnownCategoryInAnyCaseWithDashesOrSpaceAround_whenParsed_thenItIsFound() {
        assertEquals(Optional.of(ProductCategory.TEA), ProductCategory.parse("tea"));
        assertEquals(Optional.of(ProductCategory.EDIBLE_FUNGI), ProductCategory.parse(" Edible-Fungi "));
        assertEquals(Optional.of(ProductCategory.HONEY_AND_BEE_PRODUCTS),
                ProductCategory.parse("HONEY_AND_BEE_PRODUCTS"));
    }

    @Test
    void givenEveryCategorysOwnName_whenParsed_thenItReadsBackAsItself() {
        for (ProductCategory category : ProductCategory.values()) {
            assertEquals(Optional.of(category), ProductCategory.parse(category.name().toLowerCase().replace('_', '-')));
        }
    }

    @Test
    void givenTextOutsideTheTaxonomy_whenParsed_thenNothingIsFound() {
        for (String text : new String[]{null, "", "  ", "teas", "grain and oil", "FRUIT,TEA", "ｔｅａ"}) {
            assertEquals(Optional.empty(), ProductCategory.parse(text), String.valueOf(text));
        }
    }
}
