package live.harvest.catalog.product;

import live.harvest.platform.problem.DomainException;
import live.harvest.platform.state.StatusMachine;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static live.harvest.catalog.product.ProductStatus.ACTIVE;
import static live.harvest.catalog.product.ProductStatus.DELISTED;
import static live.harvest.catalog.product.ProductStatus.DRAFT;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The product's table, walked without a running service (ProductLifecycleTest drives it over HTTP). */
@UnitTest
class ProductStatusTest {

    /** Activation lists a draft or a delisted product; delisting takes off a draft or a listed one. */
    private static final Map<ProductStatus, Set<ProductStatus>> MOVES = Map.of(
            DRAFT, EnumSet.of(ACTIVE, DELISTED),
            ACTIVE, EnumSet.of(DELISTED),
            DELISTED, EnumSet.of(ACTIVE));

    @Test
    void givenEveryPairOfStatuses_whenAMoveIsAsked_thenOnlyTheTablesMovesAreAllowed() {
        for (ProductStatus from : ProductStatus.values()) {
            for (ProductStatus to : ProductStatus.values()) {
                assertEquals(MOVES.get(from).contains(to), from.canMoveTo(to), from + " -> " + to);
            }
        }
    }

    @Test
    void givenAnyStatus_whenTheSameStatusIsAsked_thenItIsNotAMove() {
        for (ProductStatus s : ProductStatus.values()) {
            assertFalse(s.canMoveTo(s), s.name());
        }
    }

    @Test
    void givenAnyStatus_thenNoneIsFinalAndNothingLeadsBackToDraft() {
        for (ProductStatus s : ProductStatus.values()) {
            assertFalse(s.isFinal(), s.name());
            assertFalse(s.canMoveTo(DRAFT), s.name());
        }
    }

    @Test
    void givenAListedProduct_whenItIsDelistedAndListedAgain_thenBothMovesPass() {
        assertDoesNotThrow(() -> StatusMachine.refuseUnless(ACTIVE, DELISTED, "invalid-transition", "Product p"));
        assertDoesNotThrow(() -> StatusMachine.refuseUnless(DELISTED, ACTIVE, "invalid-transition", "Product p"));
    }

    @Test
    void givenAMoveTheTableDoesNotList_whenAProductIsMoved_thenItIsRefusedWith409InvalidTransition() {
        Product product = new Product();
        product.status = ACTIVE;
        DomainException refused = assertThrows(DomainException.class, () -> product.moveTo(DRAFT));
        assertEquals(409, refused.status());
        assertTrue(refused.toProblem().type().toString().endsWith("/invalid-transition"));
        assertEquals(ACTIVE, product.status);
    }
}
