package live.harvest.orders.shipment;

import live.harvest.orders.order.OrderStatus;
import live.harvest.platform.event.logistics.LogisticsEvents.ColdChainExceptionRaised;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentArrivedAtStation;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentCancelled;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentCreated;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentDelivered;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentDeliveryFailed;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentDispatched;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentEvent;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentHeldForPickup;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentOutForDelivery;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentPickedUp;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentReceivedAtCentre;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentReturnStarted;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentReturned;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentRouted;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentRoutingFailed;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which logistics events move an order to which stage, and which only go on its timeline (ShipmentProgressTest drives it). */
@UnitTest
class ShipmentStagesTest {

    private static final UUID SHIPMENT = UUID.randomUUID();
    private static final UUID ORDER = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-05-01T08:00:00Z");

    @Test
    void givenEachForwardStageOfAParcel_thenTheOrderMovesToTheMatchingStage() {
        assertEquals(Optional.of(OrderStatus.ROUTED), ShipmentProgress.targetOf(
                new ShipmentRouted(SHIPMENT, ORDER, "CTR-1", "CTR-2", "STN-1", false, AT)));
        assertEquals(Optional.of(OrderStatus.ROUTING_FAILED), ShipmentProgress.targetOf(
                new ShipmentRoutingFailed(SHIPMENT, ORDER, "UNCOVERED_TOWNSHIP", AT)));
        assertEquals(Optional.of(OrderStatus.DISPATCHED), ShipmentProgress.targetOf(
                new ShipmentDispatched(SHIPMENT, ORDER, UUID.randomUUID(), "van", "STN-1", AT)));
        assertEquals(Optional.of(OrderStatus.AT_STATION), ShipmentProgress.targetOf(
                new ShipmentArrivedAtStation(SHIPMENT, ORDER, "STN-1", AT)));
        assertEquals(Optional.of(OrderStatus.OUT_FOR_DELIVERY), ShipmentProgress.targetOf(
                new ShipmentOutForDelivery(SHIPMENT, ORDER, "STN-1", AT)));
        assertEquals(Optional.of(OrderStatus.HELD_AT_PICKUP), ShipmentProgress.targetOf(
                new ShipmentHeldForPickup(SHIPMENT, ORDER, "PP-1", AT)));
        assertEquals(Optional.of(OrderStatus.DELIVERED), ShipmentProgress.targetOf(
                new ShipmentDelivered(SHIPMENT, ORDER, "Li Wei", "proof-1", AT)));
        assertEquals(Optional.of(OrderStatus.PICKED_UP), ShipmentProgress.targetOf(
                new ShipmentPickedUp(SHIPMENT, ORDER, "PP-1", AT)));
    }

    @Test
    void givenEventsThatAreNotAnOrderStage_thenTheyGoOnTheTimelineOnly() {
        List<ShipmentEvent> timelineOnly = List.of(
                new ShipmentCreated(SHIPMENT, ORDER, "330127100", AT),
                new ShipmentReceivedAtCentre(SHIPMENT, ORDER, "CTR-1", AT),
                new ShipmentDeliveryFailed(SHIPMENT, ORDER, "nobody home", AT),
                new ShipmentReturned(SHIPMENT, ORDER, "refused", AT),
                new ColdChainExceptionRaised(SHIPMENT, ORDER, 12.5, 0, 8, "STN-1", AT),
                // The order moved first (its cancellation or refund caused these); the parcel only follows.
                new ShipmentCancelled(SHIPMENT, ORDER, "order-cancelled", null, AT),
                new ShipmentReturnStarted(SHIPMENT, ORDER, "order-refunded", null, AT));
        for (ShipmentEvent event : timelineOnly) {
            assertEquals(Optional.empty(), ShipmentProgress.targetOf(event), event.getClass().getSimpleName());
        }
    }
}
