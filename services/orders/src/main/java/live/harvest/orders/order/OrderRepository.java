package live.harvest.orders.order;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import live.harvest.platform.problem.DomainException;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<Order, UUID> {

    /** Loads and row-locks the order, so concurrent transitions (pay vs cancel vs expiry) take turns. */
    public Order lock(UUID orderId) {
        Order order = findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw DomainException.notFound("Order", orderId);
        }
        return order;
    }

    /**
     * Unpaid orders each buyer holds now, for a group-committed batch in one query (index customer_order_buyer);
     * buyers with none are absent.
     */
    public Map<UUID, Long> unpaidOf(Collection<UUID> buyerIds) {
        return getEntityManager().createQuery("select o.buyerId, count(o) from Order o where o.buyerId in ?1"
                        + " and o.status = ?2 group by o.buyerId", Object[].class)
                .setParameter(1, buyerIds).setParameter(2, OrderStatus.PENDING_PAYMENT).getResultStream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> ((Number) row[1]).longValue()));
    }
}
