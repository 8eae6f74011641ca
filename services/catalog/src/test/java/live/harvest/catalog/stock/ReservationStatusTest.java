package live.harvest.catalog.stock;

import live.harvest.catalog.stock.StockReservation.Status;
import live.harvest.platform.problem.DomainException;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static live.harvest.catalog.stock.StockReservation.Status.EXPIRED;
import static live.harvest.catalog.stock.StockReservation.Status.RELEASED;
import static live.harvest.catalog.stock.StockReservation.Status.RESERVED;
import static live.harvest.catalog.stock.StockReservation.Status.RETURNED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A reservation line's table, walked without a running service (the stock tests drive it through the API). */
@UnitTest
class ReservationStatusTest {

    private static final EnumSet<Status> CLOSED = EnumSet.of(RELEASED, RETURNED, EXPIRED);

    @Test
    void givenAnOpenLine_thenEachWayBackClosesIt() {
        assertEquals(CLOSED, RESERVED.next());
        assertFalse(RESERVED.isFinal());
        assertFalse(RESERVED.canMoveTo(RESERVED));
    }

    @Test
    void givenAClosedLine_thenItIsFinal() {
        for (Status closed : CLOSED) {
            assertTrue(closed.isFinal(), closed.name());
            for (Status to : Status.values()) {
                assertFalse(closed.canMoveTo(to), closed + " -> " + to);
            }
        }
    }

    @Test
    void givenAnOpenLine_whenItIsClosed_thenItRecordsHowAndWhen() {
        StockReservation line = new StockReservation();
        line.status = RESERVED;
        line.close(EXPIRED);
        assertEquals(EXPIRED, line.status);
        assertNotNull(line.closedAt);
    }

    @Test
    void givenAClosedLine_whenItIsClosedAgain_thenItIsRefusedWith409AndKeepsItsFirstClosing() {
        for (Status closed : CLOSED) {
            StockReservation line = new StockReservation();
            line.status = closed;
            DomainException refused = assertThrows(DomainException.class, () -> line.close(RETURNED));
            assertEquals(409, refused.status());
            assertTrue(refused.toProblem().type().toString().endsWith("/invalid-transition"));
            assertEquals(closed, line.status);
            assertNull(line.closedAt);
        }
    }
}
