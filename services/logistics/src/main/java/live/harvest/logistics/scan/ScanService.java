package live.harvest.logistics.scan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import live.harvest.logistics.cancellation.OrderWithdrawal;
import live.harvest.logistics.network.NetworkRepository;
import live.harvest.logistics.network.PickupPoint;
import live.harvest.logistics.scan.ScanDtos.Outcome;
import live.harvest.logistics.scan.ScanDtos.ScanRequest;
import live.harvest.logistics.scan.ScanDtos.ScanResult;
import live.harvest.logistics.shipment.Shipment;
import live.harvest.logistics.shipment.ShipmentAccess;
import live.harvest.logistics.shipment.ShipmentJournal;
import live.harvest.logistics.shipment.ShipmentRepository;
import live.harvest.logistics.shipment.ShipmentStatus;
import live.harvest.platform.event.DomainEvent;
import live.harvest.platform.event.logistics.LogisticsEvents;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.problem.Problem.FieldError;
import live.harvest.platform.state.StatusMachine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Records operator scans: in sequence, at the operator's own sites, once per scan id. */
@ApplicationScoped
public class ScanService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ShipmentRepository shipments;
    private final ShipmentAccess access;
    private final ShipmentJournal journal;
    private final NetworkRepository network;

    public ScanService(ShipmentRepository shipments, ShipmentAccess access, ShipmentJournal journal,
                       NetworkRepository network) {
        this.shipments = shipments;
        this.access = access;
        this.journal = journal;
        this.network = network;
    }

    @Transactional
    public Outcome scan(UUID shipmentId, ScanRequest request) {
        // Locking the parcel first serialises concurrent scans, including two copies of the same scan id.
        Shipment locked = shipments.findById(shipmentId, LockModeType.PESSIMISTIC_WRITE);
        if (locked == null) {
            throw DomainException.notFound("Shipment", shipmentId);
        }
        Shipment shipment = access.forOperator(locked);
        Scan earlier = Scan.findById(request.scanId());
        if (earlier != null) {
            if (!earlier.shipmentId.equals(shipmentId)) {
                throw DomainException.conflict("scan-id-reused",
                        "Scan " + request.scanId() + " was recorded for another shipment");
            }
            return new Outcome(ScanResult.of(earlier), true);
        }
        refuseIfWithdrawn(shipment, request);
        if (shipment.stationCode == null) {
            throw DomainException.conflict("out-of-sequence", "Shipment " + shipmentId + " is " + shipment.status
                    + " and has no route to scan along");
        }
        requireFields(request);
        String site = siteOf(shipment, request);
        access.requireSite(site);
        ShipmentStatus target = request.type().target();
        StatusMachine.refuseUnless(shipment.status, target, "out-of-sequence", "Shipment " + shipmentId);
        // Moves the table allows in general but not at this centre or on this leg of the way back
        if (receivedTwiceAtSameCentre(shipment, request) || returnLegOutOfOrder(shipment, request)) {
            throw DomainException.conflict("out-of-sequence", "Shipment " + shipmentId + " is " + shipment.status
                    + "; a " + request.type() + " scan is not accepted now");
        }
        // Stored with microsecond precision; truncating now keeps a replayed result identical to the original.
        Instant at = (request.at() != null ? request.at() : Instant.now()).truncatedTo(ChronoUnit.MICROS);
        journal.move(shipment, target, site, at, noteOf(request), eventOf(shipment, request, site, at));

        Scan scan = new Scan();
        scan.scanId = request.scanId();
        scan.shipmentId = shipmentId;
        scan.type = request.type();
        scan.siteCode = site;
        scan.statusAfter = target;
        scan.at = at;
        scan.recordedBy = access.callerId();
        scan.recipientName = request.recipientName();
        scan.proofReference = request.proofReference();
        scan.pickupPointCode = shipment.pickupPointCode;
        scan.reason = request.reason();
        scan.persist();
        return new Outcome(ScanResult.of(scan), false);
    }

    /** The one site where this hop happens; a site named in the request must be that one. */
    private String siteOf(Shipment shipment, ScanRequest request) {
        List<String> allowed = switch (request.type()) {
            case RECEIVED_AT_CENTRE -> shipment.status == ShipmentStatus.ROUTED
                    ? distinct(shipment.originCentreCode, shipment.destinationCentreCode)
                    : List.of(shipment.destinationCentreCode);
            // On the way back the centres come in reverse: destination first, then origin, where the seller waits.
            case RETURN_AT_CENTRE -> shipment.status == ShipmentStatus.RETURN_AT_CENTRE
                    ? List.of(shipment.originCentreCode) : List.of(shipment.destinationCentreCode);
            case RETURNED -> shipment.status == ShipmentStatus.RETURN_AT_CENTRE
                    ? List.of(shipment.originCentreCode) : List.of(shipment.stationCode);
            default -> List.of(shipment.stationCode);
        };
        if (request.siteCode() != null) {
            if (!allowed.contains(request.siteCode())) {
                throw DomainException.unprocessable("wrong-site",
                        "A " + request.type() + " scan of this shipment happens at " + String.join(" or ", allowed));
            }
            return request.siteCode();
        }
        return allowed.stream().filter(access::worksAt).findFirst().orElse(allowed.get(allowed.size() - 1));
    }

    private static boolean receivedTwiceAtSameCentre(Shipment shipment, ScanRequest request) {
        return request.type() == ScanType.RECEIVED_AT_CENTRE && shipment.status == ShipmentStatus.RECEIVED_AT_CENTRE
                && (shipment.destinationCentreCode.equals(shipment.currentSiteCode)
                || shipment.destinationCentreCode.equals(shipment.originCentreCode));
    }

    /**
     * A withdrawn order's parcel (ADR 0014) says why it is refused: cancelled parcels take no scans at all, returning
     * ones only the scans of their way back.
     */
    private static void refuseIfWithdrawn(Shipment shipment, ScanRequest request) {
        if (shipment.status == ShipmentStatus.CANCELLED) {
            throw DomainException.conflict("shipment-cancelled", "Shipment " + shipment.id + " was cancelled ("
                    + why(shipment) + "); it takes no more scans: keep it at the centre for its seller");
        }
        if (shipment.status.isReturning() && !request.type().isReturnLeg()) {
            throw DomainException.conflict("shipment-returning", "Shipment " + shipment.id + " is being returned ("
                    + why(shipment) + "); only RETURN_AT_STATION, RETURN_AT_CENTRE and RETURNED scans are accepted");
        }
    }

    private static String why(Shipment shipment) {
        return OrderWithdrawal.<OrderWithdrawal>findByIdOptional(shipment.orderId).map(OrderWithdrawal::describe)
                .orElse("order withdrawn");
    }

    /** Back at the second centre only if it differs from the first; handed to the seller only at the origin. */
    private static boolean returnLegOutOfOrder(Shipment shipment, ScanRequest request) {
        if (shipment.status != ShipmentStatus.RETURN_AT_CENTRE) {
            return false;
        }
        boolean atOrigin = shipment.originCentreCode.equals(shipment.currentSiteCode);
        return switch (request.type()) {
            case RETURN_AT_CENTRE -> atOrigin || !shipment.destinationCentreCode.equals(shipment.currentSiteCode);
            case RETURNED -> !atOrigin;
            default -> false;
        };
    }

    private DomainEvent eventOf(Shipment s, ScanRequest r, String site, Instant at) {
        return switch (r.type()) {
            case RECEIVED_AT_CENTRE -> new LogisticsEvents.ShipmentReceivedAtCentre(s.id, s.orderId, site, at);
            case ARRIVED_AT_STATION -> new LogisticsEvents.ShipmentArrivedAtStation(s.id, s.orderId, site, at);
            case OUT_FOR_DELIVERY -> new LogisticsEvents.ShipmentOutForDelivery(s.id, s.orderId, site, at);
            case DELIVERED -> new LogisticsEvents.ShipmentDelivered(s.id, s.orderId, r.recipientName(),
                    r.proofReference(), at);
            case HELD_AT_PICKUP -> hold(s, r.pickupPointCode(), at);
            case PICKED_UP -> pickUp(s, r.pickupCode(), at);
            case DELIVERY_FAILED -> new LogisticsEvents.ShipmentDeliveryFailed(s.id, s.orderId, r.reason(), at);
            case RETURNED -> new LogisticsEvents.ShipmentReturned(s.id, s.orderId,
                    r.reason() != null ? r.reason() : "returned to sender", at);
            case RETURN_AT_STATION -> new LogisticsEvents.ShipmentReturnAtStation(s.id, s.orderId, site, at);
            case RETURN_AT_CENTRE -> new LogisticsEvents.ShipmentReturnAtCentre(s.id, s.orderId, site, at);
        };
    }

    private DomainEvent hold(Shipment s, String pickupPointCode, Instant at) {
        PickupPoint point = network.pickupPoint(pickupPointCode).filter(p -> p.stationCode.equals(s.stationCode))
                .orElseThrow(() -> DomainException.unprocessable("unknown-pickup-point",
                        "Pickup point " + pickupPointCode + " does not belong to station " + s.stationCode));
        s.pickupPointCode = point.code;
        s.pickupCode = String.format("%06d", RANDOM.nextInt(1_000_000));
        return new LogisticsEvents.ShipmentHeldForPickup(s.id, s.orderId, point.code, at);
    }

    private static DomainEvent pickUp(Shipment s, String pickupCode, Instant at) {
        boolean matches = s.pickupCode != null && MessageDigest.isEqual(
                s.pickupCode.getBytes(StandardCharsets.US_ASCII), pickupCode.getBytes(StandardCharsets.US_ASCII));
        if (!matches) {
            throw DomainException.unprocessable("wrong-pickup-code", "The pickup code does not match");
        }
        return new LogisticsEvents.ShipmentPickedUp(s.id, s.orderId, s.pickupPointCode, at);
    }

    private static void requireFields(ScanRequest r) {
        List<FieldError> errors = new ArrayList<>();
        switch (r.type()) {
            case DELIVERED -> {
                missing(errors, "recipientName", r.recipientName());
                missing(errors, "proofReference", r.proofReference());
            }
            case HELD_AT_PICKUP -> missing(errors, "pickupPointCode", r.pickupPointCode());
            case PICKED_UP -> missing(errors, "pickupCode", r.pickupCode());
            case DELIVERY_FAILED -> missing(errors, "reason", r.reason());
            default -> {
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    private static void missing(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required for this scan type"));
        }
    }

    private static String noteOf(ScanRequest r) {
        return switch (r.type()) {
            case DELIVERED -> "received by " + r.recipientName();
            case HELD_AT_PICKUP -> "held at " + r.pickupPointCode();
            case DELIVERY_FAILED, RETURNED -> r.reason();
            default -> null;
        };
    }

    private static List<String> distinct(String a, String b) {
        return a.equals(b) ? List.of(a) : List.of(a, b);
    }
}
