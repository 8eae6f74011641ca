package live.harvest.orders.order;

import jakarta.enterprise.context.ApplicationScoped;
import live.harvest.orders.catalog.CatalogStock;
import live.harvest.orders.idempotency.Idempotency;
import live.harvest.orders.idempotency.IdempotencyRecord;
import live.harvest.orders.idempotency.IdempotencyRecords;
import live.harvest.orders.idempotency.StoredResponse;
import live.harvest.orders.offer.OfferPool;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.problem.Problem.FieldError;
import live.harvest.platform.region.RegionCodes;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The buy path: check the request, claim the idempotency key, reserve every line (live offers in Redis first,
 * so a sold-out answer costs no database work), then write the order and its event in one transaction. If
 * anything after a reservation fails, the reservations are given back before the failure is reported.
 */
@ApplicationScoped
public class OrderPlacement {

    private static final Logger LOG = Logger.getLogger(OrderPlacement.class);

    private final Idempotency idempotency;
    private final IdempotencyRecords records;
    private final OfferPool pool;
    private final CatalogStock catalog;
    private final OrderWriter writer;

    public OrderPlacement(Idempotency idempotency, IdempotencyRecords records, OfferPool pool, CatalogStock catalog,
                          OrderWriter writer) {
        this.idempotency = idempotency;
        this.records = records;
        this.pool = pool;
        this.catalog = catalog;
        this.writer = writer;
    }

    public StoredResponse place(UUID buyerId, String key, PlaceOrderRequest request) {
        checkShape(request);
        String hash = idempotency.hashOf(request);
        return idempotency.once(buyerId, key, hash, () -> placeOnce(buyerId, key, hash, request));
    }

    private StoredResponse placeOnce(UUID buyerId, String key, String hash, PlaceOrderRequest request) {
        UUID orderId = UUID.randomUUID();
        List<Reserved> held = new ArrayList<>();
        boolean catalogAsked = false;
        try {
            List<PlaceOrderRequest.Line> lines = request.lines();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).offerId() != null) {
                    held.add(reserveFromOffer(i + 1, lines.get(i), buyerId));
                }
            }
            for (int i = 0; i < lines.size(); i++) {
                PlaceOrderRequest.Line line = lines.get(i);
                if (line.skuId() != null) {
                    catalogAsked = true;
                    held.add(Reserved.fromCatalog(i + 1, catalog.reserve(orderId, buyerId, line.skuId(), line.quantity())));
                }
            }
            return writer.write(orderId, buyerId, key, hash, request.address(), held);
        } catch (RuntimeException e) {
            giveBack(orderId, buyerId, held, catalogAsked);
            if (!(e instanceof DomainException)) {
                Optional<StoredResponse> earlier = recordedEarlier(buyerId, key, hash);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            throw e;
        }
    }

    private Reserved reserveFromOffer(int lineNo, PlaceOrderRequest.Line line, UUID buyerId) {
        OfferPool.Reservation r = pool.reserve(line.offerId(), buyerId, line.quantity());
        return switch (r.outcome()) {
            case RESERVED -> Reserved.fromOffer(lineNo, line.offerId(), line.quantity());
            case UNKNOWN_OFFER -> throw DomainException.unprocessable("unknown-offer",
                    "Offer " + line.offerId() + " is not on sale");
            case OFFER_CLOSED -> throw DomainException.conflict("offer-closed",
                    "Offer " + line.offerId() + " is closed");
            case BUYER_LIMIT_REACHED -> throw DomainException.conflict("buyer-limit-reached",
                    "Buying " + line.quantity() + " more of offer " + line.offerId()
                            + " would exceed the per-buyer limit");
            case SOLD_OUT -> throw DomainException.conflict("sold-out",
                    "Offer " + line.offerId() + " has " + r.unitsLeft() + " units left, " + line.quantity()
                            + " requested");
        };
    }

    private void giveBack(UUID orderId, UUID buyerId, List<Reserved> held, boolean catalogAsked) {
        for (Reserved r : held) {
            if (r.offerId() != null && !pool.release(r.offerId(), buyerId, r.quantity())) {
                // The pool was drained between our reserve and this failure: drain already counted these units
                // as sold, so catalog never gets them back. Rare (needs a close within milliseconds); log it.
                LOG.errorf("Offer %s drained before %d units of failed order %s could be returned", r.offerId(),
                        r.quantity(), orderId);
            }
        }
        if (catalogAsked) {
            catalog.release(orderId);
        }
    }

    /** A lapsed Redis claim let a retry run again; the durable record of the first order answers it. */
    private Optional<StoredResponse> recordedEarlier(UUID buyerId, String key, String hash) {
        Optional<IdempotencyRecord> row = records.find(buyerId, key);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        if (!row.get().requestHash.equals(hash)) {
            throw DomainException.unprocessable("idempotency-key-reused",
                    "Idempotency-Key '" + key + "' was already used with a different request body");
        }
        return Optional.of(StoredResponse.success(row.get().responseStatus, row.get().responseBody));
    }

    /** Rules Bean Validation cannot express on the records: one target per line, no repeats, nested regions. */
    private static void checkShape(PlaceOrderRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> targets = new HashSet<>();
        for (int i = 0; i < request.lines().size(); i++) {
            PlaceOrderRequest.Line line = request.lines().get(i);
            if ((line.offerId() == null) == (line.skuId() == null)) {
                errors.add(new FieldError("lines[" + i + "]", "must name exactly one of offerId or skuId"));
            } else if (!targets.add(line.offerId() != null ? line.offerId() : line.skuId())) {
                errors.add(new FieldError("lines[" + i + "]", "repeats an earlier line; merge the quantities"));
            }
        }
        PlaceOrderRequest.Address address = request.address();
        if (!RegionCodes.within(address.townshipCode(), address.countyCode())) {
            errors.add(new FieldError("address.townshipCode",
                    "township " + address.townshipCode() + " is not in county " + address.countyCode()));
        }
        if (address.villageCode() != null && !RegionCodes.within(address.villageCode(), address.townshipCode())) {
            errors.add(new FieldError("address.villageCode",
                    "village " + address.villageCode() + " is not in township " + address.townshipCode()));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }
}
