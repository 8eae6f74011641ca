package live.harvest.orders.order;

import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static live.harvest.orders.order.OrderStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The order state machine's table, without a running service (OrderStateMachineTest drives it through events). */
@UnitTest
class OrderStatusTest {

    /** The forward journey of a delivered parcel, in the order its stages happen. */
    private static final List<OrderStatus> JOURNEY = List.of(PAID, ROUTED, DISPATCHED, AT_STATION, OUT_FOR_DELIVERY,
            DELIVERED);

    @Test
    void givenAnUnpaidOrder_thenItCanOnlyBePaidCancelledOrExpire() {
        assertEquals(EnumSet.of(PAID, CANCELLED, EXPIRED), PENDING_PAYMENT.next());
        assertFalse(PENDING_PAYMENT.canMoveTo(ROUTED));
        assertFalse(PENDING_PAYMENT.canMoveTo(REFUND_REQUESTED));
    }

    @Test
    void givenAnyTwoLogisticsStages_whenTheLaterArrivesFirst_thenTheOrderSkipsForwardButNeverMovesBack() {
        for (int i = 0; i < JOURNEY.size(); i++) {
            for (int j = i + 1; j < JOURNEY.size(); j++) {
                OrderStatus earlier = JOURNEY.get(i);
                OrderStatus later = JOURNEY.get(j);
                assertTrue(earlier.canMoveTo(later), earlier + " -> " + later);
                assertFalse(later.canMoveTo(earlier), later + " -> " + earlier);
            }
        }
    }

    @Test
    void givenAnyState_whenTheSameStateArrivesAgain_thenItIsNotAMove() {
        for (OrderStatus s : OrderStatus.values()) {
            assertFalse(s.canMoveTo(s), s.name());
        }
    }

    @Test
    void givenNoStateAtAll_thenNothingLeadsBackToPendingPayment() {
        for (OrderStatus s : OrderStatus.values()) {
            assertFalse(s.canMoveTo(PENDING_PAYMENT), s.name());
        }
    }

    @Test
    void givenAParcelDispatched_whenTheBuyerCancels_thenTheOrderCannotBeCancelledAnyMore() {
        for (OrderStatus s : EnumSet.of(PENDING_PAYMENT, PAID, ROUTED, ROUTING_FAILED)) {
            assertTrue(s.canMoveTo(CANCELLED), s.name());
        }
        for (OrderStatus s : EnumSet.of(DISPATCHED, AT_STATION, OUT_FOR_DELIVERY, HELD_AT_PICKUP, DELIVERED, PICKED_UP)) {
            assertFalse(s.canMoveTo(CANCELLED), s.name());
        }
    }

    @Test
    void givenAParcelOnItsWay_thenARefundWaitsUntilItIsDeliveredOrCollected() {
        for (OrderStatus s : EnumSet.of(DISPATCHED, AT_STATION, OUT_FOR_DELIVERY, HELD_AT_PICKUP)) {
            assertFalse(s.canMoveTo(REFUND_REQUESTED), s.name());
        }
        assertTrue(DELIVERED.canMoveTo(REFUND_REQUESTED));
        assertTrue(PICKED_UP.canMoveTo(REFUND_REQUESTED));
        assertEquals(EnumSet.of(REFUNDED), REFUND_REQUESTED.next());
    }

    @Test
    void givenAParcelHeldAtAPickupPoint_thenOnlyItsCollectionMovesTheOrder() {
        assertEquals(EnumSet.of(PICKED_UP), HELD_AT_PICKUP.next());
        assertFalse(HELD_AT_PICKUP.canMoveTo(DELIVERED));
    }

    @Test
    void givenRoutingFailed_whenTheNetworkIsFixed_thenTheOrderCanStillBeRoutedButNotDispatchedDirectly() {
        assertTrue(ROUTING_FAILED.canMoveTo(ROUTED));
        assertFalse(ROUTING_FAILED.canMoveTo(DISPATCHED));
    }

    @Test
    void givenACancelledExpiredOrRefundedOrder_thenNoMoveIsAllowed() {
        for (OrderStatus end : EnumSet.of(CANCELLED, EXPIRED, REFUNDED)) {
            assertTrue(end.next().isEmpty(), end.name());
        }
    }

    @Test
    void givenEachState_thenTheBuyersMoneyIsWithUsExactlyFromPaymentUntilRefundOrCancellation() {
        EnumSet<OrderStatus> unpaid = EnumSet.of(PENDING_PAYMENT, CANCELLED, EXPIRED, REFUNDED);
        for (OrderStatus s : OrderStatus.values()) {
            assertEquals(!unpaid.contains(s), s.isPaid(), s.name());
        }
    }
}
