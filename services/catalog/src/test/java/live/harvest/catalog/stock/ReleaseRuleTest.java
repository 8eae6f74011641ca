package live.harvest.catalog.stock;

import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static live.harvest.catalog.stock.ReleaseRule.Reason.LIFETIME_PASSED;
import static live.harvest.catalog.stock.ReleaseRule.Reason.ORDER_ENDED;
import static live.harvest.catalog.stock.StockReservation.Status.EXPIRED;
import static live.harvest.catalog.stock.StockReservation.Status.RELEASED;
import static live.harvest.catalog.stock.StockReservation.Status.RESERVED;
import static live.harvest.catalog.stock.StockReservation.Status.RETURNED;
import static org.junit.jupiter.api.Assertions.assertEquals;

@UnitTest
class ReleaseRuleTest {

    private static final Instant NOW = Instant.parse("2025-04-01T10:00:00Z");
    private static final Instant PAST = NOW.minusSeconds(1);
    private static final Instant FUTURE = NOW.plusSeconds(60);

    @Test
    void givenAnUnconfirmedReservation_whenItsExpiryIsReached_thenItIsDue() {
        assertEquals(Optional.of(LIFETIME_PASSED), ReleaseRule.due(RESERVED, null, null, PAST, NOW));
        assertEquals(Optional.of(LIFETIME_PASSED), ReleaseRule.due(RESERVED, null, null, NOW, NOW));
    }

    @Test
    void givenAnUnconfirmedReservation_whenItsExpiryIsAhead_thenItIsNotDue() {
        assertEquals(Optional.empty(), ReleaseRule.due(RESERVED, null, null, FUTURE, NOW));
    }

    @Test
    void givenAReservationHeldByAnOrder_whenItsExpiryPasses_thenItIsNotDue() {
        assertEquals(Optional.empty(), ReleaseRule.due(RESERVED, PAST, null, PAST, NOW));
    }

    @Test
    void givenAReservationWhoseOrderEnded_whenChecked_thenItIsDueEvenIfConfirmedAndNotExpired() {
        assertEquals(Optional.of(ORDER_ENDED), ReleaseRule.due(RESERVED, PAST, PAST, FUTURE, NOW));
        assertEquals(Optional.of(ORDER_ENDED), ReleaseRule.due(RESERVED, null, PAST, PAST, NOW));
    }

    @Test
    void givenAReservationAlreadyBack_whenChecked_thenItIsNeverDueAgain() {
        for (StockReservation.Status closed : new StockReservation.Status[]{RELEASED, RETURNED, EXPIRED}) {
            assertEquals(Optional.empty(), ReleaseRule.due(closed, null, PAST, PAST, NOW), closed.name());
        }
    }
}
