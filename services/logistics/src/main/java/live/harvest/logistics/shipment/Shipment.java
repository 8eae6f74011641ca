package live.harvest.logistics.shipment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.value.DeliveryAddress;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** The parcel of one paid order, from the seller's county centre to the buyer's township station and beyond. */
@Entity
@Table(name = "shipment")
public class Shipment extends PanacheEntityBase {

    private static final DeliveryAddress UNKNOWN_ADDRESS = new DeliveryAddress(null, null, null, null, null, null);

    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false, unique = true)
    public UUID orderId;

    @Column(name = "buyer_id", nullable = false)
    public UUID buyerId;

    @Column(name = "seller_id", nullable = false)
    public UUID sellerId;

    @Column(name = "seller_county_code")
    public String sellerCountyCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "temperature_class", nullable = false)
    public TemperatureClass temperatureClass;

    /** Where the parcel goes, as the paid order gave it (codes checked, text cut to the columns' sizes). */
    @Embedded
    public DeliveryAddress address;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ShipmentStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "routing_failure")
    public RoutingFailure routingFailure;

    @Column(name = "routing_failure_detail")
    public String routingFailureDetail;

    @Column(name = "origin_centre_code")
    public String originCentreCode;

    @Column(name = "destination_centre_code")
    public String destinationCentreCode;

    @Column(name = "station_code")
    public String stationCode;

    @Column(name = "cold_chain", nullable = false)
    public boolean coldChain;

    /** The site that last scanned the parcel in (centre or station). */
    @Column(name = "current_site_code")
    public String currentSiteCode;

    @Column(name = "wave_id")
    public UUID waveId;

    @Column(name = "pickup_point_code")
    public String pickupPointCode;

    @Column(name = "pickup_code")
    public String pickupCode;

    @Column(name = "cold_chain_exception", nullable = false)
    public boolean coldChainException;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "status_changed_at", nullable = false)
    public Instant statusChangedAt;

    @Version
    public long version;

    /** The address, or one with every part unknown: Hibernate reads an address whose columns are all null as null. */
    public DeliveryAddress addressOrUnknown() {
        return address != null ? address : UNKNOWN_ADDRESS;
    }

    /** Sites whose operators may see this parcel: both centres on its route and its station. */
    public Set<String> sites() {
        Set<String> sites = new TreeSet<>();
        if (originCentreCode != null) {
            sites.add(originCentreCode);
        }
        if (destinationCentreCode != null) {
            sites.add(destinationCentreCode);
        }
        if (stationCode != null) {
            sites.add(stationCode);
        }
        return sites;
    }
}
