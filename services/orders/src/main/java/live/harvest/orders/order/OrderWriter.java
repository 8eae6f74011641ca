package live.harvest.orders.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.orders.config.OrdersConfig;
import live.harvest.orders.idempotency.IdempotencyRecords;
import live.harvest.orders.idempotency.StoredResponse;
import live.harvest.orders.offer.Offer;
import live.harvest.orders.offer.OfferRepository;
import live.harvest.orders.order.OrderDtos.OrderView;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.event.orders.OrderEvents.OrderPlaced;
import live.harvest.platform.outbox.Outbox;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.value.DeliveryAddress;
import live.harvest.platform.value.ListingSnapshot;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Writes an accepted order, its first timeline step, its OrderPlaced event and its idempotent response at once. Each
 * live-offer line first takes its offer row FOR KEY SHARE and checks the pool it reserved from is still the current
 * one and not drained: a recount (ADR 0011) then either counts this order or makes it fail, never neither.
 */
@ApplicationScoped
public class OrderWriter {

    private final OfferRepository offers;
    private final OrderRepository orders;
    private final Outbox outbox;
    private final IdempotencyRecords records;
    private final ObjectMapper mapper;
    private final OrdersConfig config;

    public OrderWriter(OfferRepository offers, OrderRepository orders, Outbox outbox, IdempotencyRecords records,
                       ObjectMapper mapper, OrdersConfig config) {
        this.offers = offers;
        this.orders = orders;
        this.outbox = outbox;
        this.records = records;
        this.mapper = mapper;
        this.config = config;
    }

    @Transactional
    public StoredResponse write(UUID orderId, UUID buyerId, String key, String hash,
                                DeliveryAddress address, List<Reserved> reserved) {
        if (orders.unpaidOf(buyerId) >= config.maxUnpaidOrders()) {
            // Anti-hoarding: checked in the writing transaction, after the reservations, which the refusal gives back.
            throw DomainException.conflict("too-many-unpaid-orders", "You already have " + config.maxUnpaidOrders()
                    + " unpaid orders; pay or cancel one before placing another");
        }
        Instant now = Instant.now();
        Order order = new Order();
        order.id = orderId;
        order.buyerId = buyerId;
        order.status = OrderStatus.PENDING_PAYMENT;
        order.address = address;
        order.placedAt = now;
        order.payBy = now.plus(config.paymentWindow());
        order.updatedAt = now;
        reserved.stream().sorted(Comparator.comparingInt(Reserved::lineNo)).forEach(r -> order.lines.add(line(order, r)));
        order.totalFen = order.lines.stream().mapToLong(l -> l.lineTotalFen).sum();
        order.temperatureClass = TemperatureClass.strictest(
                order.lines.stream().map(l -> l.listing.temperatureClass()));
        order.persist();
        OrderTransition placed = order.noteFirst("placed", "buyer:" + buyerId, now);
        outbox.publish(new OrderPlaced(order.id, buyerId, order.sellerId, order.streamId,
                order.lines.stream().map(OrderLine::toContract).toList(), order.totalFen, order.currency, now));
        StoredResponse response = StoredResponse.success(201, json(OrderView.of(order, List.of(placed))));
        records.record(buyerId, key, hash, orderId, response);
        return response;
    }

    private OrderLine line(Order order, Reserved r) {
        OrderLine line = new OrderLine();
        line.id = UUID.randomUUID();
        line.order = order;
        line.lineNo = r.lineNo();
        line.quantity = r.quantity();
        if (r.offerId() != null) {
            Offer offer = fencedOffer(r);
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
    private Offer fencedOffer(Reserved r) {
        OfferRepository.PoolFence fence = offers.fenceForOrder(r.offerId()).orElseThrow(() ->
                DomainException.unprocessable("unknown-offer", "Offer " + r.offerId() + " is not on sale"));
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
