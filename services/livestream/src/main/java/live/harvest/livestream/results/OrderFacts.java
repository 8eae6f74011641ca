package live.harvest.livestream.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import live.harvest.livestream.offer.OfferRepository;
import live.harvest.livestream.offer.OfferStock;
import live.harvest.livestream.stream.StreamRepository;
import live.harvest.platform.event.orders.OrderEvents.OrderCancelled;
import live.harvest.platform.event.orders.OrderEvents.OrderExpired;
import live.harvest.platform.event.orders.OrderEvents.OrderLine;
import live.harvest.platform.event.orders.OrderEvents.OrderPlaced;
import live.harvest.platform.event.orders.OrderEvents.OrderRefunded;
import live.harvest.platform.event.orders.OrderEvents.ReturnedLine;
import live.harvest.platform.event.orders.OrderEvents.StockReturn;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Applies order events to the stream's order facts (for results), and passes what they did to an offer's stock on
 * to the offer ({@link OfferStock}). Runs inside the consumer's transaction, after the inbox dropped duplicates.
 * Events about orders or offers this service does not know are ignored.
 */
@ApplicationScoped
public class OrderFacts {

    private final EntityManager em;
    private final OfferRepository offers;
    private final StreamRepository streams;
    private final OfferStock stock;

    public OrderFacts(EntityManager em, OfferRepository offers, StreamRepository streams, OfferStock stock) {
        this.em = em;
        this.offers = offers;
        this.streams = streams;
        this.stock = stock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void placed(OrderPlaced event) {
        Optional<UUID> streamId = streamOf(event);
        if (streamId.isEmpty() || StreamOrder.findByIdOptional(event.orderId()).isPresent()) {
            return;
        }
        StreamOrder order = new StreamOrder();
        order.orderId = event.orderId();
        order.streamId = streamId.get();
        order.buyerId = event.buyerId();
        order.status = StreamOrder.Status.PLACED;
        order.totalFen = event.totalFen();
        order.currency = event.currency();
        order.placedAt = event.placedAt() == null ? Instant.now() : event.placedAt();
        order.updatedAt = Instant.now();
        order.persist();
        em.flush();
        List<OrderLine> lines = event.lines() == null ? List.of() : event.lines();
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            em.createNativeQuery("""
                            insert into stream_order_line (order_id, line_no, offer_id, sku_id, quantity, line_total_fen)
                            values (?1, ?2, ?3, ?4, ?5, ?6)""")
                    .setParameter(1, event.orderId()).setParameter(2, i).setParameter(3, line.offerId())
                    .setParameter(4, line.skuId()).setParameter(5, line.quantity())
                    .setParameter(6, line.lineTotalFen()).executeUpdate();
            if (line.offerId() != null) {
                stock.placed(line.offerId(), line.quantity());
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelled(OrderCancelled event) {
        ended(event.orderId(), StreamOrder.Status.CANCELLED, event.returned());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void expired(OrderExpired event) {
        ended(event.orderId(), StreamOrder.Status.EXPIRED, event.returned());
    }

    /**
     * A refunded order leaves the sales figures (it is counted apart, with its amount). Units it returned before
     * dispatch (ADR 0018) are back in the offer's stock. An order refunds once: the same refund announced again under
     * another event id changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refunded(OrderRefunded event) {
        ended(event.orderId(), StreamOrder.Status.REFUNDED, event.returned(),
                order -> order.refundedFen = event.amountFen());
    }

    private void ended(UUID orderId, StreamOrder.Status status, List<ReturnedLine> returned) {
        ended(orderId, status, returned, order -> {
        });
    }

    private void ended(UUID orderId, StreamOrder.Status status, List<ReturnedLine> returned,
                       Consumer<StreamOrder> alsoOnce) {
        // Only the first end of a placed order counts: an order ends once (cancel, expiry and refund exclude each
        // other), so the same end announced again under another event id must not return its units twice.
        StreamOrder order = StreamOrder.findById(orderId);
        if (order == null || !order.end(status, Instant.now())) {
            return;
        }
        alsoOnce.accept(order);
        // Units go back to the live pool only while the offer is open; after the drain they go to catalog.
        for (ReturnedLine line : returned == null ? List.<ReturnedLine>of() : returned) {
            if (line.offerId() != null && line.returnedTo() == StockReturn.OFFER) {
                stock.returned(line.offerId(), line.quantity());
            }
        }
    }

    private Optional<UUID> streamOf(OrderPlaced event) {
        if (event.streamId() != null && streams.findByIdOptional(event.streamId()).isPresent()) {
            return Optional.of(event.streamId());
        }
        return (event.lines() == null ? List.<OrderLine>of() : event.lines()).stream()
                .filter(line -> line.offerId() != null)
                .map(line -> offers.findByIdOptional(line.offerId()))
                .flatMap(Optional::stream)
                .map(offer -> offer.streamId)
                .findFirst();
    }
}
