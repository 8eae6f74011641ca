package live.harvest.logistics.tracking;

import live.harvest.logistics.shipment.ShipmentStatus;
import live.harvest.platform.event.common.TemperatureClass;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public final class TrackingDtos {

    private TrackingDtos() {
    }

    /** A station's work list; {@code overdue} repeats the parcels that sat in their state too long. */
    public record StationQueue(String stationCode, Instant asOf, int arrivedCount, int outForDeliveryCount,
                               int heldCount, int failedCount, int overdueCount, List<QueueItem> arrived,
                               List<QueueItem> outForDelivery, List<QueueItem> held, List<QueueItem> failed,
                               List<QueueItem> overdue) {
    }

    public record QueueItem(UUID shipmentId, UUID orderId, ShipmentStatus status, Instant since, String villageCode,
                            String recipient, String pickupPointCode, TemperatureClass temperatureClass,
                            boolean coldChainException, boolean overdue) {
    }

    /**
     * Counts for a centre: parcels bound for its county by status, parcels it sends to other counties, and the
     * exceptions its staff should look at.
     */
    public record CentreStats(String centreCode, Instant asOf, Map<ShipmentStatus, Long> inboundByStatus,
                              long outboundToOtherCounties, long waitingForWave, long openWaves,
                              long coldChainExceptions, long overdue) {
    }

    public record ShipmentPage(List<ShipmentSummary> items, int page, int size, long total) {
    }

    public record ShipmentSummary(UUID shipmentId, UUID orderId, ShipmentStatus status, String stationCode,
                                  String routingFailureDetail, Instant statusChangedAt) {
    }
}
