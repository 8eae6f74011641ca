package live.harvest.orders.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import live.harvest.orders.offer.OfferPool;
import live.harvest.orders.offer.OfferRepository;
import live.harvest.platform.event.orders.OrderEvents.ReturnedLine;
import live.harvest.platform.event.orders.OrderEvents.StockReturn;

import java.util.ArrayList;
import java.util.List;

/**
 * Gives a cancelled, expired or refunded-before-dispatch order's units back: into the live pool while its offer is
 * still open (buyers can take them at once), else to catalog (which reads {@code returnedTo == CATALOG} lines from the
 * event). A line already returned is skipped, so no path can return it twice. Redis is not part of the database
 * transaction, so a rollback takes the pool units back again. Each line records where its units went, under the
 * offer row's KEY SHARE lock, so a pool rebuild (ADR 0011) counts exactly what the pool lacks.
 */
@ApplicationScoped
public class StockReturns {

    private final OfferPool pool;
    private final OfferRepository offers;
    private final TransactionSynchronizationRegistry transactions;

    public StockReturns(OfferPool pool, OfferRepository offers, TransactionSynchronizationRegistry transactions) {
        this.pool = pool;
        this.offers = offers;
        this.transactions = transactions;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<ReturnedLine> giveBack(Order order) {
        List<ReturnedLine> returned = new ArrayList<>();
        List<OrderLine> toPool = new ArrayList<>();
        for (OrderLine line : order.lines) {
            if (line.returnedTo != null) {
                continue; // the order row lock and the state machine already forbid this; the line's record is final
            }
            if (line.offerId != null) {
                offers.fenceForOrder(line.offerId); // no recount may run between the release and our commit
            }
            boolean backInPool = line.offerId != null && pool.release(line.offerId, order.buyerId, line.quantity);
            if (backInPool) {
                toPool.add(line);
            }
            line.returnedTo = backInPool ? StockReturn.OFFER : StockReturn.CATALOG;
            returned.add(new ReturnedLine(line.listing.skuId(), line.offerId, line.quantity, line.returnedTo));
        }
        if (!toPool.isEmpty()) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status != Status.STATUS_COMMITTED) {
                        toPool.forEach(l -> pool.retake(l.offerId, order.buyerId, l.quantity));
                    }
                }
            });
        }
        return returned;
    }
}
