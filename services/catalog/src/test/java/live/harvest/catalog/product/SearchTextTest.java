package live.harvest.catalog.product;

import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a shopper types becomes a PostgreSQL prefix query; nothing they type can reach the query syntax. */
@UnitTest
class SearchTextTest {

    @Test
    void givenWords_whenSearched_thenEachIsALowerCasePrefixAndAllMustMatch() {
        assertEquals("longjing:* & green:*", ProductSearch.prefixQuery("Longjing green"));
    }

    @Test
    void givenQuerySyntaxOrPunctuation_whenSearched_thenOnlyLettersAndDigitsSurvive() {
        assertEquals("tea:* & 2024:*", ProductSearch.prefixQuery("  tea & !2024:* | ()'\"  "));
        assertEquals("", ProductSearch.prefixQuery("&|!:*()"));
    }

    @Test
    void givenChineseText_whenSearched_thenItsLettersAreKept() {
        assertEquals("龙井:* & 茶叶:*", ProductSearch.prefixQuery("龙井，茶叶"));
    }

    @Test
    void givenMoreThanEightWords_whenSearched_thenOnlyTheFirstEightAreUsed() {
        assertEquals("a:* & b:* & c:* & d:* & e:* & f:* & g:* & h:*",
                ProductSearch.prefixQuery("a b c d e f g h i j"));
    }
}
