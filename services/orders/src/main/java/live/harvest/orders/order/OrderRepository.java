package live.harvest.orders.order;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import live.harvest.platform.problem.DomainException;

import java.util.UUID;

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

    /** Unpaid orders the buyer holds now (index customer_order_buyer). */
    public long unpaidOf(UUID buyerId) {
        return count("buyerId = ?1 and status = ?2", buyerId, OrderStatus.PENDING_PAYMENT);
    }
}
