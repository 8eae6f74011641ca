package live.harvest.orders.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import live.harvest.orders.config.OrdersConfig;
import live.harvest.orders.idempotency.IdempotencyRecords;
import live.harvest.orders.idempotency.StoredResponse;
import live.harvest.orders.offer.Offer;
import live.harvest.orders.offer.OfferRepository;
import live.harvest.orders.offer.OfferRepository.PoolFence;
import live.harvest.orders.order.OrderDtos.OrderView;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.event.orders.OrderEvents.OrderPlaced;
import live.harvest.platform.outbox.Outbox;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.value.ListingSnapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The body of one group-commit transaction: many accepted orders, each with its lines, first timeline step,
 * OrderPlaced event and idempotent response. Each distinct offer row is taken FOR KEY SHARE once, and every order's
 * reservations are checked against it (ADR 0011): an order whose pool was recounted (stale epoch), drained or that
 * breaks a rule is left out and failed alone, before anything of it is written, while the others go on.
 */
@ApplicationScoped
class OrderBatchWriter {

    /** An order that passed its checks, with the response it will get once the batch commits. */
    record Written(PendingOrder pending, Order order, StoredResponse response) {
    }

    private final OfferRepository offers;
    private final OrderRepository orders;
    private final Outbox outbox;
    private final IdempotencyRecords records;
    private final ObjectMapper mapper;
    private final OrdersConfig config;
    private final EntityManager em;

    OrderBatchWriter(OfferRepository offers, OrderRepository orders, Outbox outbox, IdempotencyRecords records,
                     ObjectMapper mapper, OrdersConfig config, EntityManager em) {
        this.offers = offers;
        this.orders = orders;
        this.outbox = outbox;
        this.records = records;
        this.mapper = mapper;
        this.config = config;
        this.em = em;
    }

    /**
     * Writes the batch's orders that pass their checks and flushes, so a database error surfaces here and not in the
     * commit. Orders refused by a check have their outcome set already; the others await the commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    List<Written> write(List<PendingOrder> batch) {
        Set<UUID> offerIds = batch.stream().flatMap(p -> p.reserved().stream()).map(Reserved::offerId)
                .filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
        Map<UUID, PoolFence> fences = offers.fencesForOrders(offerIds);
        Map<UUID, Long> unpaid = orders.unpaidOf(batch.stream().map(PendingOrder::buyerId).distinct().toList());
        List<Written> written = new ArrayList<>(batch.size());
        for (PendingOrder p : batch) {
            try {
                written.add(checked(p, fences, unpaid.getOrDefault(p.buyerId(), 0L)));
            } catch (DomainException | StalePoolException e) {
                p.fail(e); // nothing of it written: its buyer gets the same answer as from a transaction of its own
            }
        }
        // Events first: persisting an outbox row (an IDENTITY key) flushes the inserts queued before it, which would
        // break the orders' inserts below into one small JDBC batch per order.
        for (Written w : written) {
            try (Scope ignored = w.pending().trace().makeCurrent()) {
                Order o = w.order();
                outbox.publish(new OrderPlaced(o.id, o.buyerId, o.sellerId, o.streamId,
                        o.lines.stream().map(OrderLine::toContract).toList(), o.totalFen, o.currency, o.placedAt));
            }
        }
        List<Written> responded = new ArrayList<>(written.size());
        for (Written w : written) {
            Order order = w.order();
            order.persist();
            OrderTransition placed = order.noteFirst("placed", "buyer:" + order.buyerId, order.placedAt);
            PendingOrder p = w.pending();
            StoredResponse response = StoredResponse.success(201, json(OrderView.of(order, List.of(placed))));
            records.record(p.buyerId(), p.key(), p.hash(), p.orderId(), response);
            responded.add(new Written(p, order, response));
        }
        em.flush();
        return responded;
    }

    /** The order as it will be written, once its rules and its pools' fences hold; nothing persisted yet. */
    private Written checked(PendingOrder p, Map<UUID, PoolFence> fences, long unpaidOrders) {
        if (unpaidOrders >= config.maxUnpaidOrders()) {
            // Anti-hoarding: checked in the writing transaction, after the reservations, which the refusal gives back.
            throw DomainException.conflict("too-many-unpaid-orders", "You already have " + config.maxUnpaidOrders()
                    + " unpaid orders; pay or cancel one before placing another");
        }
        Instant now = Instant.now();
        Order order = new Order();
        order.id = p.orderId();
        order.buyerId = p.buyerId();
        order.status = OrderStatus.PENDING_PAYMENT;
        order.address = p.address();
        order.placedAt = now;
        order.payBy = now.plus(config.paymentWindow());
        order.updatedAt = now;
        p.reserved().stream().sorted(Comparator.comparingInt(Reserved::lineNo))
                .forEach(r -> order.lines.add(line(order, r, fences)));
        order.totalFen = order.lines.stream().mapToLong(l -> l.lineTotalFen).sum();
        order.temperatureClass = TemperatureClass.strictest(
                order.lines.stream().map(l -> l.listing.temperatureClass()));
        return new Written(p, order, null);
    }

    private OrderLine line(Order order, Reserved r, Map<UUID, PoolFence> fences) {
        OrderLine line = new OrderLine();
        line.id = UUID.randomUUID();
        line.order = order;
        line.lineNo = r.lineNo();
        line.quantity = r.quantity();
        if (r.offerId() != null) {
            Offer offer = fencedOffer(r, fences.get(r.offerId()));
            line.offerId = offer.id;
            line.listing = offer.listing;
            if (order.streamId == null) {
                order.streamId = offer.streamId;
            }
        } else {
            line.listing = r.catalogListing();
        }
        line.lineTotalFen = line.listing.priceOf(line.quantity);
        ListingSnapshot listing = line.listing;
        if (order.sellerId == null) {
            order.sellerId = listing.sellerId();
            order.sellerCountyCode = listing.sellerCountyCode();
            order.currency = listing.currency();
        } else if (!order.sellerId.equals(listing.sellerId())) {
            throw DomainException.unprocessable("mixed-sellers",
                    "All lines of an order must come from one seller; place one order per seller");
        } else if (!order.currency.equals(listing.currency())) {
            throw DomainException.unprocessable("mixed-currencies", "All lines of an order must share a currency");
        }
        return line;
    }

    /** The offer a line reserved from, once its pool is known to be the one the units came from and not drained. */
    private Offer fencedOffer(Reserved r, PoolFence fence) {
        if (fence == null) {
            throw DomainException.unprocessable("unknown-offer", "Offer " + r.offerId() + " is not on sale");
        }
        if (fence.drainedAt() != null) {
            throw DomainException.conflict("offer-closed", "Offer " + r.offerId() + " is closed");
        }
        if (fence.epoch() != r.epoch()) {
            throw new StalePoolException(r.offerId(), r.epoch(), fence.epoch());
        }
        return offers.findById(r.offerId());
    }

    private String json(OrderView view) {
        try {
            return mapper.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
