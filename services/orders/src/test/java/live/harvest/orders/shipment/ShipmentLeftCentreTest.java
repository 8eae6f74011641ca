package live.harvest.orders.shipment;

import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentCancelled;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentCreated;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentDelivered;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentDeliveryFailed;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentDispatched;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentReceivedAtCentre;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentReturnStarted;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentRouted;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentRoutingFailed;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure rule behind "a refund before dispatch returns the units" (ADR 0018): which events say the parcel left. */
class ShipmentLeftCentreTest {

    private static final UUID SHIPMENT = UUID.randomUUID();
    private static final UUID ORDER = UUID.randomUUID();
    private static final Instant AT = Instant.now();

    @Test
    void givenEventsUpToTheCentre_thenTheParcelHasNotLeftIt() {
        assertFalse(ShipmentProgress.leftCentre(new ShipmentCreated(SHIPMENT, ORDER, "330127100", AT)));
        assertFalse(ShipmentProgress.leftCentre(new ShipmentRouted(SHIPMENT, ORDER, "CTR-330127", "CTR-330127",
                "STN-330127100", false, AT)));
        assertFalse(ShipmentProgress.leftCentre(new ShipmentRoutingFailed(SHIPMENT, ORDER, "uncovered", AT)));
        assertFalse(ShipmentProgress.leftCentre(new ShipmentReceivedAtCentre(SHIPMENT, ORDER, "CTR-330127", AT)));
        assertFalse(ShipmentProgress.leftCentre(new ShipmentCancelled(SHIPMENT, ORDER, "orders.order-cancelled",
                "buyer", AT)));
    }

    @Test
    void givenDispatchOrAnyLaterStageOutOrBack_thenTheParcelHasLeftItsCentre() {
        assertTrue(ShipmentProgress.leftCentre(new ShipmentDispatched(SHIPMENT, ORDER, UUID.randomUUID(), "van-1",
                "STN-330127100", AT)));
        assertTrue(ShipmentProgress.leftCentre(new ShipmentDelivered(SHIPMENT, ORDER, "Wang Fang", "sig-1", AT)));
        assertTrue(ShipmentProgress.leftCentre(new ShipmentDeliveryFailed(SHIPMENT, ORDER, "nobody home", AT)));
        assertTrue(ShipmentProgress.leftCentre(new ShipmentReturnStarted(SHIPMENT, ORDER, "orders.order-refunded",
                "spoiled", AT)));
    }
}
