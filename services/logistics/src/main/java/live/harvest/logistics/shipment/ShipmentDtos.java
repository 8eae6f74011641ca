package live.harvest.logistics.shipment;

import com.fasterxml.jackson.annotation.JsonInclude;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.value.DeliveryAddress;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The shipment feature's HTTP records: a parcel as tracking shows it. */
public final class ShipmentDtos {

    private ShipmentDtos() {
    }

    /**
     * A parcel and its timeline. The pickup code is shown only to the buyer (they tell it to the pickup point);
     * recipient contact details are not shown to partners.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ShipmentView(UUID shipmentId, UUID orderId, UUID sellerId, ShipmentStatus status,
                               TemperatureClass temperatureClass, boolean coldChain, String originCentreCode,
                               String destinationCentreCode, String stationCode, String currentSiteCode,
                               Destination destination, RoutingFailure routingFailure, String routingFailureDetail,
                               UUID waveId, String pickupPointCode, String pickupCode, boolean coldChainException,
                               Instant createdAt, Instant statusChangedAt, List<Step> timeline) {

        public static ShipmentView of(Shipment s, List<TimelineEntry> timeline, boolean showPickupCode,
                                      boolean showContact) {
            DeliveryAddress to = s.addressOrUnknown();
            Destination destination = new Destination(to.countyCode(), to.townshipCode(), to.villageCode(),
                    showContact ? to.recipient() : null, showContact ? to.phone() : null,
                    showContact ? to.detail() : null);
            return new ShipmentView(s.id, s.orderId, s.sellerId, s.status, s.temperatureClass, s.coldChain,
                    s.originCentreCode, s.destinationCentreCode, s.stationCode, s.currentSiteCode, destination,
                    s.routingFailure, s.routingFailureDetail, s.waveId, s.pickupPointCode,
                    showPickupCode ? s.pickupCode : null, s.coldChainException, s.createdAt, s.statusChangedAt,
                    timeline.stream().map(t -> new Step(t.kind, t.siteCode, t.at, t.note)).toList());
        }
    }

    public record Destination(String countyCode, String townshipCode, String villageCode, String recipient,
                              String phone, String detail) {
    }

    public record Step(String kind, String siteCode, Instant at, String note) {
    }
}
