package live.harvest.orders.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import live.harvest.orders.offer.OfferPool;
import live.harvest.platform.event.orders.OrderEvents.ReturnedLine;
import live.harvest.platform.event.orders.OrderEvents.StockReturn;

import java.util.ArrayList;
import java.util.List;

/**
 * Gives a cancelled or expired order's units back: into the live pool while its offer is still open (buyers can
 * take them at once), else to catalog (which reads {@code returnedTo == CATALOG} lines from the event). Redis is
 * not part of the database transaction, so a rollback takes the pool units back again.
 */
@ApplicationScoped
public class StockReturns {

    private final OfferPool pool;
    private final TransactionSynchronizationRegistry transactions;

    public StockReturns(OfferPool pool, TransactionSynchronizationRegistry transactions) {
        this.pool = pool;
        this.transactions = transactions;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<ReturnedLine> giveBack(Order order) {
        List<ReturnedLine> returned = new ArrayList<>();
        List<OrderLine> toPool = new ArrayList<>();
        for (OrderLine line : order.lines) {
            boolean backInPool = line.offerId != null && pool.release(line.offerId, order.buyerId, line.quantity);
            if (backInPool) {
                toPool.add(line);
            }
            returned.add(new ReturnedLine(line.skuId, line.offerId, line.quantity,
                    backInPool ? StockReturn.OFFER : StockReturn.CATALOG));
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
