package live.harvest.logistics.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.logistics.cancellation.OrderWithdrawal;
import live.harvest.logistics.cancellation.WithdrawalService;
import live.harvest.logistics.shipment.OrderLock;
import live.harvest.logistics.shipment.Shipment;
import live.harvest.logistics.shipment.ShipmentJournal;
import live.harvest.logistics.shipment.ShipmentRepository;
import live.harvest.logistics.shipment.ShipmentStatus;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentCreated;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentRouted;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentRoutingFailed;
import live.harvest.platform.event.orders.OrderEvents.OrderLine;
import live.harvest.platform.event.orders.OrderEvents.OrderPaid;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.region.RegionCodes;
import live.harvest.platform.value.DeliveryAddress;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a paid order into exactly one shipment and routes it. A parcel the network cannot carry is kept as
 * ROUTING_FAILED with its reason, never dropped, and can be re-routed once the network is fixed.
 */
@ApplicationScoped
public class RoutingService {

    private final ShipmentRepository shipments;
    private final ShipmentJournal journal;
    private final Router router;
    private final OrderLock orderLock;
    private final WithdrawalService withdrawals;

    public RoutingService(ShipmentRepository shipments, ShipmentJournal journal, Router router, OrderLock orderLock,
                          WithdrawalService withdrawals) {
        this.shipments = shipments;
        this.journal = journal;
        this.router = router;
        this.orderLock = orderLock;
        this.withdrawals = withdrawals;
    }

    /** The consumer's contract check has already dead-lettered an order-paid without order, buyer or seller id. */
    @Transactional
    public void onOrderPaid(OrderPaid paid) {
        orderLock.lock(paid.orderId()); // a withdrawal of this order applied meanwhile is seen below, not missed
        // The inbox drops redeliveries of the same event; this catches the same order paid-announced twice.
        if (shipments.byOrder(paid.orderId()).isPresent()) {
            return;
        }
        Instant now = Instant.now();
        Shipment shipment = newShipment(paid, now);
        shipments.persist(shipment);
        journal.record(shipment, ShipmentStatus.CREATED.name(), null, now, null,
                new ShipmentCreated(shipment.id, shipment.orderId, shipment.addressOrUnknown().townshipCode(), now));
        // The order was cancelled before its payment reached us (ADR 0014): the parcel is born cancelled, so no
        // operator ever sees it as work, and tracking and orders still learn what happened.
        Optional<OrderWithdrawal> withdrawn = withdrawals.of(paid.orderId());
        if (withdrawn.isPresent()) {
            withdrawals.cancelAtBirth(shipment, withdrawn.get(), now);
            return;
        }
        route(shipment, now);
    }

    /** Tries again after an admin fixed the network (covered the township, made a site cold-capable). */
    @Transactional
    public Shipment reroute(UUID shipmentId) {
        Shipment shipment = shipments.findByIdOptional(shipmentId)
                .orElseThrow(() -> DomainException.notFound("Shipment", shipmentId));
        if (shipment.status != ShipmentStatus.ROUTING_FAILED) {
            throw DomainException.conflict("not-routing-failed",
                    "Shipment " + shipmentId + " is " + shipment.status + "; only failed routings are retried");
        }
        route(shipment, Instant.now());
        return shipment;
    }

    private void route(Shipment shipment, Instant now) {
        Router.Decision decision = router.route(shipment.addressOrUnknown().townshipCode(), shipment.sellerCountyCode,
                shipment.temperatureClass);
        if (decision instanceof Router.Route r) {
            shipment.originCentreCode = r.originCentreCode();
            shipment.destinationCentreCode = r.destinationCentreCode();
            shipment.stationCode = r.stationCode();
            shipment.routingFailure = null;
            shipment.routingFailureDetail = null;
            journal.move(shipment, ShipmentStatus.ROUTED, null, now,
                    r.originCentreCode() + " → " + r.destinationCentreCode() + " → " + r.stationCode(),
                    new ShipmentRouted(shipment.id, shipment.orderId, r.originCentreCode(),
                            r.destinationCentreCode(), r.stationCode(), shipment.coldChain, now));
        } else if (decision instanceof Router.Failure f) {
            shipment.routingFailure = f.reason();
            shipment.routingFailureDetail = f.detail();
            journal.move(shipment, ShipmentStatus.ROUTING_FAILED, null, now, f.reason() + ": " + f.detail(),
                    new ShipmentRoutingFailed(shipment.id, shipment.orderId, f.reason() + ": " + f.detail(),
                            now));
        }
    }

    private static Shipment newShipment(OrderPaid paid, Instant now) {
        Shipment s = new Shipment();
        s.id = UUID.randomUUID();
        s.orderId = paid.orderId();
        s.buyerId = paid.buyerId();
        s.sellerId = paid.sellerId();
        s.sellerCountyCode = paid.sellerCountyCode();
        s.temperatureClass = temperatureOf(paid);
        s.coldChain = s.temperatureClass.needsColdChain();
        s.address = paid.address() == null ? null : checked(DeliveryAddress.of(paid.address()));
        s.status = ShipmentStatus.CREATED;
        s.createdAt = now;
        s.statusChangedAt = now;
        return s;
    }

    /**
     * Keeps only region codes that are well formed, fills a missing township or county from the finer code, and cuts
     * the free text to the columns' sizes: a malformed address becomes a routing failure, not a failed insert.
     */
    private static DeliveryAddress checked(DeliveryAddress given) {
        String village = RegionCodes.isVillage(given.villageCode()) ? given.villageCode() : null;
        String township = RegionCodes.isTownship(given.townshipCode()) ? given.townshipCode()
                : village != null ? RegionCodes.townshipOf(village) : null;
        String county = RegionCodes.isCounty(given.countyCode()) ? given.countyCode()
                : township != null ? RegionCodes.countyOf(township) : null;
        return new DeliveryAddress(truncate(given.recipient(), 100), truncate(given.phone(), 40), county, township,
                village, truncate(given.detail(), 300));
    }

    /** The order's class, or else the strictest class among its lines: one frozen item makes a frozen parcel. */
    static TemperatureClass temperatureOf(OrderPaid paid) {
        if (paid.temperatureClass() != null) {
            return paid.temperatureClass();
        }
        List<OrderLine> lines = paid.lines() == null ? List.of() : paid.lines();
        return TemperatureClass.strictest(lines.stream().filter(Objects::nonNull).map(OrderLine::temperatureClass));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
