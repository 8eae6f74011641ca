package live.harvest.orders.order;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.security.Caller;
import live.harvest.platform.security.Roles;

import java.util.UUID;

@ApplicationScoped
public class OrderQueries {

    private final OrderRepository orders;

    public OrderQueries(OrderRepository orders) {
        this.orders = orders;
    }

    /** The buyer, the order's seller and admins see an order; anyone else is told it does not exist. */
    @Transactional
    public OrderView get(UUID orderId, Caller caller) {
        Order order = orders.findByIdOptional(orderId).orElseThrow(() -> DomainException.notFound("Order", orderId));
        boolean allowed = caller.is(Roles.ADMIN) || caller.is(Roles.PARTNER)
                || (caller.is(Roles.CONSUMER) && order.buyerId.equals(caller.id()))
                || caller.sellerId().map(order.sellerId::equals).orElse(false);
        if (!allowed) {
            throw DomainException.notFound("Order", orderId);
        }
        return OrderView.of(order, OrderTransition.timelineOf(orderId));
    }

    @Transactional
    public Page<OrderSummary> ofBuyer(UUID buyerId, int page, int size) {
        return page(orders.find("buyerId", Sort.descending("placedAt", "id"), buyerId), page, size);
    }

    @Transactional
    public Page<OrderSummary> ofSeller(UUID sellerId, OrderStatus status, int page, int size) {
        var query = status == null
                ? orders.find("sellerId", Sort.descending("placedAt", "id"), sellerId)
                : orders.find("sellerId = ?1 and status = ?2", Sort.descending("placedAt", "id"), sellerId, status);
        return page(query, page, size);
    }

    private static Page<OrderSummary> page(io.quarkus.hibernate.orm.panache.PanacheQuery<Order> query, int page,
                                           int size) {
        var items = query.page(page, size).list().stream().map(OrderSummary::of).toList();
        return new Page<>(items, page, size, query.count());
    }
}
