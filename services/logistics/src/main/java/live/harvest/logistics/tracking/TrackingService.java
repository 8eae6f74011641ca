package live.harvest.logistics.tracking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.logistics.config.LogisticsConfig;
import live.harvest.logistics.network.Centre;
import live.harvest.logistics.network.NetworkRepository;
import live.harvest.logistics.network.Station;
import live.harvest.logistics.shipment.Shipment;
import live.harvest.logistics.shipment.ShipmentAccess;
import live.harvest.logistics.shipment.ShipmentRepository;
import live.harvest.logistics.shipment.ShipmentDtos.ShipmentView;
import live.harvest.logistics.shipment.ShipmentStatus;
import live.harvest.logistics.tracking.TrackingDtos.CentreStats;
import live.harvest.logistics.tracking.TrackingDtos.QueueItem;
import live.harvest.logistics.tracking.TrackingDtos.ShipmentPage;
import live.harvest.logistics.tracking.TrackingDtos.ShipmentSummary;
import live.harvest.logistics.tracking.TrackingDtos.StationQueue;
import live.harvest.logistics.wave.Wave;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.value.DeliveryAddress;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class TrackingService {

    /** States in which a parcel is at (or out from) its station and on that station's list. */
    private static final Set<ShipmentStatus> AT_STATION = EnumSet.of(ShipmentStatus.ARRIVED_AT_STATION,
            ShipmentStatus.OUT_FOR_DELIVERY, ShipmentStatus.HELD_AT_PICKUP, ShipmentStatus.DELIVERY_FAILED);

    private final ShipmentRepository shipments;
    private final ShipmentAccess access;
    private final NetworkRepository network;
    private final LogisticsConfig config;

    public TrackingService(ShipmentRepository shipments, ShipmentAccess access, NetworkRepository network,
                           LogisticsConfig config) {
        this.shipments = shipments;
        this.access = access;
        this.network = network;
        this.config = config;
    }

    @Transactional
    public ShipmentView byOrder(UUID orderId) {
        return view(access.forReader(shipments.byOrder(orderId).orElse(null), "order " + orderId));
    }

    @Transactional
    public ShipmentView byId(UUID shipmentId) {
        return view(access.forReader(shipments.findById(shipmentId), "id " + shipmentId));
    }

    /** For admins and partners (roles and scope checked at the endpoint): every parcel, in one status, newest first. */
    @Transactional
    public ShipmentPage list(ShipmentStatus status, int page, int size) {
        var query = status == null ? shipments.findAll(Sort.descending("createdAt"))
                : shipments.find("status", Sort.descending("createdAt"), status);
        List<ShipmentSummary> items = query.page(Page.of(page, size)).list().stream()
                .map(s -> new ShipmentSummary(s.id, s.orderId, s.status, s.stationCode, s.routingFailureDetail,
                        s.statusChangedAt)).toList();
        return new ShipmentPage(items, page, size, query.count());
    }

    @Transactional
    public StationQueue stationQueue(String stationCode) {
        Station station = network.station(stationCode)
                .orElseThrow(() -> DomainException.notFound("Station", stationCode));
        if (!access.worksAt(stationCode) && !access.worksAt(station.centreCode)) {
            throw DomainException.forbidden("You work neither at station " + stationCode + " nor at its centre");
        }
        Instant now = Instant.now();
        Instant overdueBefore = now.minus(config.overdueAfter());
        List<QueueItem> items = shipments.list("stationCode = ?1 and status in ?2 order by statusChangedAt",
                        stationCode, AT_STATION).stream()
                .map(s -> item(s, s.statusChangedAt.isBefore(overdueBefore))).toList();
        List<QueueItem> arrived = only(items, ShipmentStatus.ARRIVED_AT_STATION);
        List<QueueItem> out = only(items, ShipmentStatus.OUT_FOR_DELIVERY);
        List<QueueItem> held = only(items, ShipmentStatus.HELD_AT_PICKUP);
        List<QueueItem> failed = only(items, ShipmentStatus.DELIVERY_FAILED);
        List<QueueItem> overdue = items.stream().filter(QueueItem::overdue).toList();
        return new StationQueue(stationCode, now, arrived.size(), out.size(), held.size(), failed.size(),
                overdue.size(), arrived, out, held, failed, overdue);
    }

    @Transactional
    public CentreStats centreStats(String centreCode) {
        access.requireSite(centreCode);
        Centre centre = network.centre(centreCode).orElseThrow(() -> DomainException.notFound("Centre", centreCode));
        Instant now = Instant.now();
        Map<ShipmentStatus, Long> byStatus = new EnumMap<>(ShipmentStatus.class);
        for (Object[] row : shipments.getEntityManager().createQuery(
                        "select s.status, count(s) from Shipment s where s.destinationCentreCode = :c group by s.status",
                        Object[].class).setParameter("c", centre.code).getResultList()) {
            byStatus.put((ShipmentStatus) row[0], (Long) row[1]);
        }
        long outbound = shipments.count("originCentreCode = ?1 and destinationCentreCode <> ?1", centre.code);
        long waiting = shipments.waitingAt(centre.code).size();
        long openWaves = Wave.count("centreCode = ?1 and status = ?2", centre.code, Wave.Status.OPEN);
        Set<ShipmentStatus> active = EnumSet.complementOf(EnumSet.of(ShipmentStatus.DELIVERED,
                ShipmentStatus.PICKED_UP, ShipmentStatus.RETURNED, ShipmentStatus.ROUTING_FAILED,
                ShipmentStatus.CANCELLED));
        long coldExceptions = shipments.count("destinationCentreCode = ?1 and coldChainException = true"
                + " and status in ?2", centre.code, active);
        long overdue = shipments.count("destinationCentreCode = ?1 and status in ?2 and statusChangedAt < ?3",
                centre.code, active, now.minus(config.overdueAfter()));
        return new CentreStats(centre.code, now, byStatus, outbound, waiting, openWaves, coldExceptions, overdue);
    }

    private ShipmentView view(Shipment shipment) {
        boolean buyer = access.isBuyer(shipment);
        return ShipmentView.of(shipment, shipments.timeline(shipment.id), buyer, !access.isPartner());
    }

    private static QueueItem item(Shipment s, boolean overdue) {
        DeliveryAddress to = s.addressOrUnknown();
        return new QueueItem(s.id, s.orderId, s.status, s.statusChangedAt, to.villageCode(), to.recipient(),
                s.pickupPointCode, s.temperatureClass, s.coldChainException, overdue);
    }

    private static List<QueueItem> only(List<QueueItem> items, ShipmentStatus status) {
        return items.stream().filter(i -> i.status() == status).toList();
    }
}
