package live.harvest.livestream.results;

import live.harvest.livestream.results.StreamOrder.Status;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stream's order ends once: PLACED → CANCELLED, EXPIRED or REFUNDED, and no end after another. */
@UnitTest
class StreamOrderStatusTest {

    @Test
    void givenEveryPairOfStatuses_whenAskedWhetherTheFirstMayBecomeTheSecond_thenOnlyAPlacedOrderMayEnd() {
        Set<Status> ends = Set.of(Status.CANCELLED, Status.EXPIRED, Status.REFUNDED);
        for (Status from : Status.values()) {
            for (Status to : Status.values()) {
                assertEquals(from == Status.PLACED && ends.contains(to), from.canMoveTo(to), from + " → " + to);
            }
            assertEquals(from != Status.PLACED, from.isFinal(), from + " is final");
        }
    }

    @Test
    void givenAnOrderThatEnded_whenAnotherEndArrives_thenNothingChanges() {
        StreamOrder order = new StreamOrder();
        order.status = Status.PLACED;
        Instant cancelledAt = Instant.parse("2027-05-01T08:00:00Z");

        assertTrue(order.end(Status.CANCELLED, cancelledAt));
        assertFalse(order.end(Status.REFUNDED, cancelledAt.plusSeconds(60)));
        assertFalse(order.end(Status.CANCELLED, cancelledAt.plusSeconds(60)));

        assertEquals(Status.CANCELLED, order.status);
        assertEquals(cancelledAt, order.updatedAt);
    }
}
