package live.harvest.logistics.shipment;

import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Optional;

import static live.harvest.logistics.shipment.ShipmentStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipment state machine's rules for withdrawn orders (ADR 0014), without a running service. */
@UnitTest
class ShipmentStatusTest {

    @Test
    void givenAParcelNotYetDispatched_whenItsOrderIsWithdrawn_thenItIsCancelled() {
        for (ShipmentStatus s : EnumSet.of(CREATED, ROUTED, ROUTING_FAILED, RECEIVED_AT_CENTRE)) {
            assertEquals(Optional.of(CANCELLED), s.whenOrderWithdrawn(), s.name());
            assertTrue(s.canMoveTo(CANCELLED), s.name());
            assertFalse(s.canMoveTo(RETURNING), s.name());
        }
    }

    @Test
    void givenAParcelDispatchedOrDelivered_whenItsOrderIsWithdrawn_thenItReturns() {
        for (ShipmentStatus s : EnumSet.of(DISPATCHED, ARRIVED_AT_STATION, OUT_FOR_DELIVERY, HELD_AT_PICKUP,
                DELIVERY_FAILED, DELIVERED, PICKED_UP)) {
            assertEquals(Optional.of(RETURNING), s.whenOrderWithdrawn(), s.name());
            assertTrue(s.canMoveTo(RETURNING), s.name());
            assertFalse(s.canMoveTo(CANCELLED), s.name());
        }
    }

    @Test
    void givenAParcelAlreadyCancelledOrComingBack_whenItsOrderIsWithdrawnAgain_thenNothingChanges() {
        for (ShipmentStatus s : EnumSet.of(CANCELLED, RETURNING, RETURN_AT_STATION, RETURN_AT_CENTRE, RETURNED)) {
            assertEquals(Optional.empty(), s.whenOrderWithdrawn(), s.name());
        }
    }

    @Test
    void givenACancelledParcel_thenNoMoveIsAllowedAtAll() {
        assertTrue(CANCELLED.isFinal());
        assertTrue(CANCELLED.isAtRest());
        for (ShipmentStatus s : ShipmentStatus.values()) {
            assertFalse(CANCELLED.canMoveTo(s), s.name());
        }
    }

    @Test
    void givenAReturningParcel_thenItGoesStationThenCentreThenSellerAndNeverForwardAgain() {
        assertEquals(EnumSet.of(RETURN_AT_STATION), RETURNING.next());
        assertEquals(EnumSet.of(RETURN_AT_CENTRE), RETURN_AT_STATION.next());
        assertEquals(EnumSet.of(RETURN_AT_CENTRE, RETURNED), RETURN_AT_CENTRE.next());
        for (ShipmentStatus s : EnumSet.of(RETURNING, RETURN_AT_STATION, RETURN_AT_CENTRE)) {
            assertTrue(s.isReturning(), s.name());
            assertFalse(s.isAtRest(), s.name());
            for (ShipmentStatus forward : EnumSet.of(ARRIVED_AT_STATION, OUT_FOR_DELIVERY, DELIVERED, HELD_AT_PICKUP,
                    PICKED_UP, DISPATCHED)) {
                assertFalse(s.canMoveTo(forward), s + " -> " + forward);
            }
        }
    }

    @Test
    void givenADeliveredParcel_thenOnlyARefundMovesIt() {
        assertEquals(EnumSet.of(RETURNING), DELIVERED.next());
        assertEquals(EnumSet.of(RETURNING), PICKED_UP.next());
        assertTrue(DELIVERED.isAtRest());
        assertFalse(DELIVERED.isFinal());
    }

    @Test
    void givenAParcelOnTheWayOut_thenEachHopIsAllowedOnlyFromTheOneBefore() {
        ShipmentStatus[] journey = {CREATED, ROUTED, RECEIVED_AT_CENTRE, DISPATCHED, ARRIVED_AT_STATION,
                OUT_FOR_DELIVERY, DELIVERED};
        for (int i = 0; i + 1 < journey.length; i++) {
            assertTrue(journey[i].canMoveTo(journey[i + 1]), journey[i] + " -> " + journey[i + 1]);
            for (int skip = i + 2; skip < journey.length; skip++) {
                assertFalse(journey[i].canMoveTo(journey[skip]), journey[i] + " skips to " + journey[skip]);
            }
        }
    }

    @Test
    void givenAnyState_whenTheSameScanArrivesAgain_thenOnlyCentresAndRoutingFailuresMayRepeat() {
        EnumSet<ShipmentStatus> repeatable = EnumSet.of(ROUTING_FAILED, RECEIVED_AT_CENTRE, RETURN_AT_CENTRE);
        for (ShipmentStatus s : ShipmentStatus.values()) {
            assertEquals(repeatable.contains(s), s.canMoveTo(s), s.name());
        }
    }

    @Test
    void givenAFailedDelivery_thenTheParcelIsTriedAgainHeldAtAPickupPointOrReturned() {
        assertEquals(EnumSet.of(OUT_FOR_DELIVERY, HELD_AT_PICKUP, RETURNED, RETURNING), DELIVERY_FAILED.next());
        assertFalse(DELIVERY_FAILED.canMoveTo(DELIVERED), "a failed attempt is followed by another attempt first");
    }

    @Test
    void givenEachState_thenOnlyDeliveredCollectedReturnedAndCancelledParcelsAreAtRest() {
        EnumSet<ShipmentStatus> atRest = EnumSet.of(DELIVERED, PICKED_UP, RETURNED, CANCELLED);
        for (ShipmentStatus s : ShipmentStatus.values()) {
            assertEquals(atRest.contains(s), s.isAtRest(), s.name());
        }
    }
}
