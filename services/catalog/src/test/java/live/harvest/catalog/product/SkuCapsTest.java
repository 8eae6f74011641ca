package live.harvest.catalog.product;

import live.harvest.platform.problem.DomainException;
import live.harvest.platform.problem.Problem.FieldError;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@UnitTest
class SkuCapsTest {

    private static final UUID SKU = UUID.randomUUID();
    private static final int DEFAULT_PER_ORDER = 20;
    private static final int DEFAULT_PER_BUYER = 50;

    @Test
    void givenBothCaps_whenPerOrderExceedsPerBuyer_thenMaxUnitsPerOrderIsNamed() {
        assertEquals(List.of(new FieldError("maxUnitsPerOrder", "must not exceed maxUnitsPerBuyer (5)")),
                new SkuCaps(6, 5).problems());
    }

    @Test
    void givenBothCaps_whenPerOrderEqualsOrIsBelowPerBuyer_thenTheyAreAccepted() {
        assertEquals(List.of(), new SkuCaps(5, 5).problems());
        assertEquals(List.of(), new SkuCaps(1, 5).problems());
    }

    @Test
    void givenOnlyOneCapOrNone_whenChecked_thenThereIsNothingToCompare() {
        assertEquals(List.of(), new SkuCaps(500, null).problems());
        assertEquals(List.of(), new SkuCaps(null, 1).problems());
        assertEquals(List.of(), new SkuCaps(null, null).problems());
    }

    @Test
    void givenNoCapsOfTheSeller_whenInForce_thenThePlatformDefaultsApply() {
        assertEquals(new SkuCaps.Limits(20, 50), new SkuCaps(null, null).inForce(DEFAULT_PER_ORDER, DEFAULT_PER_BUYER));
    }

    @Test
    void givenTheSellersCaps_whenInForce_thenTheyReplaceTheDefaultsEvenWhenLarger() {
        assertEquals(new SkuCaps.Limits(3, 8), new SkuCaps(3, 8).inForce(DEFAULT_PER_ORDER, DEFAULT_PER_BUYER));
        assertEquals(new SkuCaps.Limits(100, 400), new SkuCaps(100, 400).inForce(DEFAULT_PER_ORDER, DEFAULT_PER_BUYER));
    }

    @Test
    void givenOnlyAPerBuyerCapBelowTheDefaultPerOrder_whenInForce_thenOneOrderMayTakeNoMoreThanIt() {
        assertEquals(new SkuCaps.Limits(10, 10), new SkuCaps(null, 10).inForce(DEFAULT_PER_ORDER, DEFAULT_PER_BUYER));
    }

    @Test
    void givenOnlyAPerOrderCapAboveTheDefaultPerBuyer_whenInForce_thenTheDefaultPerBuyerBoundsIt() {
        assertEquals(new SkuCaps.Limits(50, 50), new SkuCaps(80, null).inForce(DEFAULT_PER_ORDER, DEFAULT_PER_BUYER));
    }

    @Test
    void givenLimits_whenARequestIsAbovePerOrder_thenQuantityAboveCap422() {
        DomainException refusal = new SkuCaps.Limits(5, 8).refusal(SKU, 6, 0).orElseThrow();
        assertEquals(422, refusal.status());
        assertEquals("https://harvest.live/problems/quantity-above-cap", refusal.toProblem().type().toString());
        assertTrue(refusal.getMessage().startsWith("At most 5 units"), refusal.getMessage());
    }

    @Test
    void givenLimits_whenWhatTheBuyerHoldsPlusTheRequestPassesPerBuyer_thenBuyerCapReached409() {
        DomainException refusal = new SkuCaps.Limits(5, 8).refusal(SKU, 4, 5).orElseThrow();
        assertEquals(409, refusal.status());
        assertEquals("https://harvest.live/problems/buyer-cap-reached", refusal.toProblem().type().toString());
    }

    @Test
    void givenLimits_whenTheRequestFillsTheCapsExactly_thenItPasses() {
        assertEquals(Optional.empty(), new SkuCaps.Limits(5, 8).refusal(SKU, 5, 3));
        assertEquals(Optional.empty(), new SkuCaps.Limits(5, 8).refusal(SKU, 1, 0));
    }
}
