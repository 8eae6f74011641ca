package live.harvest.platform.event.logistics;

import jakarta.validation.constraints.NotNull;
import live.harvest.platform.event.DomainEvent;
import live.harvest.platform.event.EventType;
import live.harvest.platform.event.Topics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Contracts published by the logistics service on {@link Topics#LOGISTICS}. A shipment belongs to exactly one
 * order; every event carries both ids and is keyed by the shipment, so one parcel's story stays in order.
 */
public final class LogisticsEvents {

    public static final List<Class<? extends DomainEvent>> ALL = List.of(
            ShipmentCreated.class, ShipmentRouted.class, ShipmentRoutingFailed.class, ShipmentDispatched.class,
            ShipmentArrivedAtStation.class, ShipmentOutForDelivery.class, ShipmentDelivered.class,
            ShipmentHeldForPickup.class, ShipmentPickedUp.class, ShipmentDeliveryFailed.class,
            ShipmentReturned.class, ColdChainExceptionRaised.class, ShipmentReceivedAtCentre.class,
            ShipmentCancelled.class, ShipmentReturnStarted.class, ShipmentReturnAtStation.class,
            ShipmentReturnAtCentre.class);

    private LogisticsEvents() {
    }

    /** Common shape of the events that move a shipment along its hops. */
    public interface ShipmentEvent extends DomainEvent {
        UUID shipmentId();

        UUID orderId();

        Instant at();

        @Override
        default String aggregateId() {
            return shipmentId().toString();
        }
    }

    @EventType(value = "logistics.shipment-created", topic = Topics.LOGISTICS)
    public record ShipmentCreated(@NotNull UUID shipmentId, @NotNull UUID orderId, String destinationTownshipCode, @NotNull Instant at)
            implements ShipmentEvent {
    }

    @EventType(value = "logistics.shipment-routed", topic = Topics.LOGISTICS)
    public record ShipmentRouted(@NotNull UUID shipmentId, @NotNull UUID orderId, String originCentreCode, String destinationCentreCode,
                                 String stationCode, boolean coldChain, @NotNull Instant at) implements ShipmentEvent {
    }

    @EventType(value = "logistics.shipment-routing-failed", topic = Topics.LOGISTICS)
    public record ShipmentRoutingFailed(@NotNull UUID shipmentId, @NotNull UUID orderId, String reason, @NotNull Instant at)
            implements ShipmentEvent {
    }

    @EventType(value = "logistics.shipment-dispatched", topic = Topics.LOGISTICS)
    public record ShipmentDispatched(@NotNull UUID shipmentId, @NotNull UUID orderId, UUID waveId, String vehicle, String stationCode,
                                     @NotNull Instant at) implements ShipmentEvent {
    }

    @EventType(value = "logistics.shipment-arrived-at-station", topic = Topics.LOGISTICS)
    public record ShipmentArrivedAtStation(@NotNull UUID shipmentId, @NotNull UUID orderId, String stationCode, @NotNull Instant at)
            implements ShipmentEvent {
    }

    @EventType(value = "logistics.shipment-out-for-delivery", topic = Topics.LOGISTICS)
    public record ShipmentOutForDelivery(@NotNull UUID shipmentId, @NotNull UUID orderId, String stationCode, @NotNull Instant at)
            implements ShipmentEvent {
    }

    @EventType(value = "logistics.shipment-delivered", topic = Topics.LOGISTICS)
    public record ShipmentDelivered(@NotNull UUID shipmentId, @NotNull UUID orderId, String recipientName, String proofReference,
                                    @NotNull Instant at) implements ShipmentEvent {
    }

    /**
     * Held at a village pickup point. The pickup code is not in the event: it is the buyer's only proof at the
     * point, and events reach sellers' views and partners; the buyer reads it from their own tracking.
     */
    @EventType(value = "logistics.shipment-held-for-pickup", topic = Topics.LOGISTICS)
    public record ShipmentHeldForPickup(@NotNull UUID shipmentId, @NotNull UUID orderId, String pickupPointCode,
                                        @NotNull Instant at) implements ShipmentEvent {
    }

    @EventType(value = "logistics.shipment-picked-up", topic = Topics.LOGISTICS)
    public record ShipmentPickedUp(@NotNull UUID shipmentId, @NotNull UUID orderId, String pickupPointCode, @NotNull Instant at)
            implements ShipmentEvent {
    }

    @EventType(value = "logistics.shipment-delivery-failed", topic = Topics.LOGISTICS)
    public record ShipmentDeliveryFailed(@NotNull UUID shipmentId, @NotNull UUID orderId, String reason, @NotNull Instant at)
            implements ShipmentEvent {
    }

    @EventType(value = "logistics.shipment-returned", topic = Topics.LOGISTICS)
    public record ShipmentReturned(@NotNull UUID shipmentId, @NotNull UUID orderId, String reason, @NotNull Instant at) implements ShipmentEvent {
    }

    @EventType(value = "logistics.cold-chain-exception", topic = Topics.LOGISTICS)
    public record ColdChainExceptionRaised(@NotNull UUID shipmentId, @NotNull UUID orderId, double celsius, int allowedMinCelsius,
                                           int allowedMaxCelsius, String siteCode, @NotNull Instant at)
            implements ShipmentEvent {
    }

    /**
     * Scanned in at a county centre: the origin centre when the seller drops it off, the destination centre when
     * it arrives from another county. Only parcels received at their destination centre can join a dispatch wave.
     */
    @EventType(value = "logistics.shipment-received-at-centre", topic = Topics.LOGISTICS)
    public record ShipmentReceivedAtCentre(@NotNull UUID shipmentId, @NotNull UUID orderId, String centreCode, @NotNull Instant at)
            implements ShipmentEvent {
    }

    /**
     * The order was cancelled (or refunded) before its parcel left the centre: the parcel leaves its wave and the
     * waiting list and accepts no more scans. {@code cause} is the orders event that withdrew it
     * ({@code orders.order-cancelled} or {@code orders.order-refunded}), {@code reason} the order's own words.
     * Stock is not this event's business: orders gave the units back when it cancelled the order or confirmed the
     * refund (ADR 0018).
     */
    @EventType(value = "logistics.shipment-cancelled", topic = Topics.LOGISTICS)
    public record ShipmentCancelled(@NotNull UUID shipmentId, @NotNull UUID orderId, @NotNull String cause, String reason,
                                    @NotNull Instant at) implements ShipmentEvent {
    }

    /**
     * The order was refunded (or cancelled) after its parcel was dispatched: the parcel now travels back, scanned at
     * the station ({@link ShipmentReturnAtStation}), its centres ({@link ShipmentReturnAtCentre}) and finally handed
     * to the seller at the origin centre ({@link ShipmentReturned}).
     */
    @EventType(value = "logistics.shipment-return-started", topic = Topics.LOGISTICS)
    public record ShipmentReturnStarted(@NotNull UUID shipmentId, @NotNull UUID orderId, @NotNull String cause, String reason,
                                        @NotNull Instant at) implements ShipmentEvent {
    }

    @EventType(value = "logistics.shipment-return-at-station", topic = Topics.LOGISTICS)
    public record ShipmentReturnAtStation(@NotNull UUID shipmentId, @NotNull UUID orderId, String stationCode, @NotNull Instant at)
            implements ShipmentEvent {
    }

    /** A returning parcel scanned in at a centre: its destination centre, then its origin centre when they differ. */
    @EventType(value = "logistics.shipment-return-at-centre", topic = Topics.LOGISTICS)
    public record ShipmentReturnAtCentre(@NotNull UUID shipmentId, @NotNull UUID orderId, String centreCode, @NotNull Instant at)
            implements ShipmentEvent {
    }
}
