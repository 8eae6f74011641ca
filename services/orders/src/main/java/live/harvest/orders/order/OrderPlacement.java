package live.harvest.orders.order;

import jakarta.enterprise.context.ApplicationScoped;
import live.harvest.orders.catalog.CatalogClient;
import live.harvest.orders.config.OrdersConfig;
import live.harvest.orders.idempotency.Idempotency;
import live.harvest.orders.idempotency.IdempotencyRecord;
import live.harvest.orders.idempotency.IdempotencyRecords;
import live.harvest.orders.idempotency.StoredResponse;
import live.harvest.orders.offer.OfferPool;
import live.harvest.orders.offer.PoolRecovery;
import live.harvest.orders.order.OrderDtos.PlaceOrderRequest;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.problem.Problem.FieldError;
import live.harvest.platform.problem.ServiceUnavailable;
import live.harvest.platform.region.RegionCodes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The buy path: check the request, claim the idempotency key, reserve every line (live offers in Redis first, so a
 * sold-out answer costs no database work), then write the order and its event in one transaction. A live-offer
 * reservation is a hold of this order id until the order commits (settled) or surely failed (abandoned); when the
 * outcome is unknown (the connection broke during commit) the hold is left for the reconciler, which recounts the
 * pool from PostgreSQL, so a unit is never both sold and back on sale (ADR 0011).
 */
@ApplicationScoped
public class OrderPlacement {

    private static final Logger LOG = Logger.getLogger(OrderPlacement.class);
    /** A pool recount between reserve and commit is rare; a few fresh tries against the new pool are enough. */
    private static final int STALE_POOL_TRIES = 3;

    private final Idempotency idempotency;
    private final IdempotencyRecords records;
    private final OfferPool pool;
    private final PoolRecovery recovery;
    private final CatalogClient catalog;
    private final OrderWriter writer;
    private final OrdersConfig config;

    public OrderPlacement(Idempotency idempotency, IdempotencyRecords records, OfferPool pool, PoolRecovery recovery,
                          CatalogClient catalog, OrderWriter writer, OrdersConfig config) {
        this.idempotency = idempotency;
        this.records = records;
        this.pool = pool;
        this.recovery = recovery;
        this.catalog = catalog;
        this.writer = writer;
        this.config = config;
    }

    public StoredResponse place(UUID buyerId, String key, PlaceOrderRequest request) {
        checkShape(request);
        String hash = idempotency.hashOf(request);
        return idempotency.once(buyerId, key, hash, () -> placeAgainstCurrentPools(buyerId, key, hash, request));
    }

    private StoredResponse placeAgainstCurrentPools(UUID buyerId, String key, String hash, PlaceOrderRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return placeOnce(buyerId, key, hash, request);
            } catch (StalePoolException e) {
                LOG.debugf("Placing again: %s", e.getMessage());
                if (attempt == STALE_POOL_TRIES) {
                    throw new ServiceUnavailable("offer-pool-rebuilding",
                            "The offer's live stock is being recounted; retry in a moment", 1, e);
                }
            }
        }
    }

    private StoredResponse placeOnce(UUID buyerId, String key, String hash, PlaceOrderRequest request) {
        UUID orderId = UUID.randomUUID();
        List<Reserved> held = new ArrayList<>();
        boolean catalogAsked = false;
        try {
            List<PlaceOrderRequest.Line> lines = request.lines();
            Instant holdUntil = Instant.now().plus(config.holdTimeout());
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).offerId() != null) {
                    held.add(reserveFromOffer(i + 1, lines.get(i), buyerId, orderId, holdUntil));
                }
            }
            for (int i = 0; i < lines.size(); i++) {
                PlaceOrderRequest.Line line = lines.get(i);
                if (line.skuId() != null) {
                    catalogAsked = true;
                    held.add(Reserved.fromCatalog(i + 1, line.quantity(),
                            catalog.reserve(orderId, buyerId, line.skuId(), line.quantity())));
                }
            }
        } catch (RuntimeException e) {
            giveBack(orderId, held, catalogAsked);
            throw e;
        }
        StoredResponse response;
        try {
            response = writer.write(orderId, buyerId, key, hash, request.address().toDeliveryAddress(), held);
        } catch (DomainException | StalePoolException e) {
            giveBack(orderId, held, catalogAsked); // thrown inside the transaction: it rolled back
            throw e;
        } catch (RuntimeException e) {
            return afterUncertainWrite(orderId, buyerId, key, hash, held, catalogAsked, e);
        }
        settle(orderId, held);
        return response;
    }

    /**
     * The write failed in a way that does not say whether it committed. The durable idempotency record tells: ours,
     * settle and answer it; another request's (a lapsed claim ran twice), answer that; none, give back. If even that
     * cannot be read, keep the holds: the reconciler recounts the pool from PostgreSQL once they are overdue.
     */
    private StoredResponse afterUncertainWrite(UUID orderId, UUID buyerId, String key, String hash,
                                               List<Reserved> held, boolean catalogAsked, RuntimeException failure) {
        Optional<IdempotencyRecord> row;
        try {
            row = records.find(buyerId, key);
        } catch (RuntimeException unreadable) {
            LOG.warnf("Order %s: outcome unknown (%s); its holds are left to the reconciler", orderId, failure);
            throw failure;
        }
        if (row.isPresent() && orderId.equals(row.get().orderId)) {
            settle(orderId, held);
            return StoredResponse.success(row.get().responseStatus, row.get().responseBody);
        }
        giveBack(orderId, held, catalogAsked);
        if (row.isEmpty()) {
            throw failure;
        }
        if (!row.get().requestHash.equals(hash)) {
            throw Idempotency.keyReused(key);
        }
        return row.get().toResponse();
    }

    private Reserved reserveFromOffer(int lineNo, PlaceOrderRequest.Line line, UUID buyerId, UUID orderId,
                                      Instant holdUntil) {
        recovery.recountIfInherited(line.offerId());
        OfferPool.Reservation r = pool.reserve(line.offerId(), orderId, buyerId, line.quantity(), holdUntil);
        if (r.outcome() == OfferPool.Outcome.UNKNOWN_OFFER) {
            r = switch (recovery.recover(line.offerId())) {
                case REBUILT, NOT_NEEDED -> pool.reserve(line.offerId(), orderId, buyerId, line.quantity(), holdUntil);
                case DRAINED, ENDED -> new OfferPool.Reservation(OfferPool.Outcome.OFFER_CLOSED, 0, 0);
                case UNKNOWN -> r;
            };
        }
        return switch (r.outcome()) {
            case RESERVED -> Reserved.fromOffer(lineNo, line.offerId(), line.quantity(), r.epoch());
            case UNKNOWN_OFFER -> throw DomainException.unprocessable("unknown-offer",
                    "Offer " + line.offerId() + " is not on sale");
            case OFFER_CLOSED -> throw DomainException.conflict("offer-closed",
                    "Offer " + line.offerId() + " is closed");
            case BUYER_LIMIT_REACHED -> throw DomainException.conflict("buyer-limit-reached",
                    "Buying " + line.quantity() + " more of offer " + line.offerId()
                            + " would exceed the per-buyer limit");
            case BUYER_LIMIT_PENDING -> throw new ServiceUnavailable("buyer-limit-pending",
                    "Your earlier purchase of offer " + line.offerId() + " is still being confirmed, and the per-buyer"
                            + " limit depends on it; retry in a moment with the same key", 1, null);
            case SOLD_OUT -> throw DomainException.conflict("sold-out",
                    "Offer " + line.offerId() + " has " + r.unitsLeft() + " units left, " + line.quantity()
                            + " requested");
        };
    }

    /** Committed: the holds become sales. A failure here is harmless: the reconciler finds the order and recounts. */
    private void settle(UUID orderId, List<Reserved> held) {
        for (Reserved r : held) {
            if (r.offerId() != null) {
                try {
                    pool.settle(r.offerId(), orderId);
                } catch (RuntimeException e) {
                    LOG.warnf("Order %s committed but its hold on offer %s was not settled (%s); the reconciler will",
                            orderId, r.offerId(), e.toString());
                }
            }
        }
    }

    /** Surely not committed: the units go back once, by the hold (a recount may already have done it). */
    private void giveBack(UUID orderId, List<Reserved> held, boolean catalogAsked) {
        for (Reserved r : held) {
            if (r.offerId() != null) {
                try {
                    pool.abandon(r.offerId(), orderId);
                } catch (RuntimeException e) {
                    LOG.warnf("Order %s failed and its hold on offer %s could not be abandoned (%s); the reconciler"
                            + " will recount the pool", orderId, r.offerId(), e.toString());
                }
            }
        }
        if (catalogAsked) {
            catalog.release(orderId);
        }
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
