package live.harvest.livestream.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import live.harvest.livestream.counter.Counters;
import live.harvest.livestream.offer.Offer;
import live.harvest.livestream.offer.OfferRepository;
import live.harvest.livestream.results.ResultsDtos.OfferResultView;
import live.harvest.livestream.results.ResultsDtos.StreamResultsView;
import live.harvest.livestream.stream.Stream;
import live.harvest.livestream.stream.StreamAccess;
import live.harvest.livestream.stream.StreamStatus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sales figures of a stream and of each offer: orders, units and GMV with cancelled, expired and refunded orders
 * netted out (a refunded order counts as wholly reversed; the refunded amount is reported alongside).
 */
@ApplicationScoped
public class ResultsService {

    private record Sales(long orders, long units, long gmvFen) {
        static final Sales NONE = new Sales(0, 0, 0);
    }

    private final EntityManager em;
    private final StreamAccess access;
    private final OfferRepository offers;
    private final Counters counters;

    public ResultsService(EntityManager em, StreamAccess access, OfferRepository offers, Counters counters) {
        this.em = em;
        this.access = access;
        this.offers = offers;
        this.counters = counters;
    }

    public StreamResultsView of(UUID streamId) {
        Stream stream = access.readableByOwnerOrAdmin(streamId);
        Object[] tally = (Object[]) em.createNativeQuery("""
                        select count(*),
                               count(*) filter (where status in ('CANCELLED', 'EXPIRED')),
                               count(*) filter (where status = 'REFUNDED'),
                               coalesce(sum(refunded_fen), 0)
                        from stream_order where stream_id = ?1""")
                .setParameter(1, streamId).getSingleResult();
        Map<UUID, Sales> byOffer = new HashMap<>();
        Sales total = Sales.NONE;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select l.offer_id, count(distinct o.order_id), sum(l.quantity), sum(l.line_total_fen)
                        from stream_order o join stream_order_line l on l.order_id = o.order_id
                        where o.stream_id = ?1 and o.status = 'PLACED'
                        group by l.offer_id""")
                .setParameter(1, streamId).getResultList();
        for (Object[] row : rows) {
            Sales sales = new Sales(number(row[1]), number(row[2]), number(row[3]));
            if (row[0] != null) {
                byOffer.put((UUID) row[0], sales);
            }
            total = new Sales(total.orders(), total.units() + sales.units(), total.gmvFen() + sales.gmvFen());
        }
        long netOrders = ((Number) em.createNativeQuery(
                        "select count(*) from stream_order where stream_id = ?1 and status = 'PLACED'")
                .setParameter(1, streamId).getSingleResult()).longValue();
        List<OfferResultView> offerResults = offers.ofStream(streamId).stream()
                .map(offer -> offerResult(offer, byOffer.getOrDefault(offer.id, Sales.NONE))).toList();
        long peak;
        long unique;
        long likes;
        if (stream.status == StreamStatus.ENDED) {
            peak = orZero(stream.peakViewers);
            unique = orZero(stream.uniqueViewers);
            likes = orZero(stream.likes);
        } else {
            Counters.Summary live = counters.summary(streamId);
            peak = live.peakViewers();
            unique = live.uniqueViewers();
            likes = live.likes();
        }
        return new StreamResultsView(streamId, stream.status, "CNY", number(tally[0]), number(tally[1]),
                number(tally[2]), netOrders, total.units(), total.gmvFen(), number(tally[3]), peak, unique, likes,
                offerResults);
    }

    private static OfferResultView offerResult(Offer offer, Sales sales) {
        return new OfferResultView(offer.id, offer.listing.skuId(), offer.listing.title(), offer.listing.priceFen(),
                offer.quantity, offer.status, offer.remaining(), offer.unitsLeft, sales.orders(), sales.units(),
                sales.gmvFen());
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
