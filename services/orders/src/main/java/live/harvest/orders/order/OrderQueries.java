package live.harvest.orders.order;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.orders.order.OrderDtos.OrderPageView;
import live.harvest.orders.order.OrderDtos.OrderSummaryView;
import live.harvest.orders.order.OrderDtos.OrderView;
import live.harvest.platform.problem.DomainException;

import java.util.UUID;

@ApplicationScoped
public class OrderQueries {

    private final OrderRepository orders;
    private final OrderAccess access;

    public OrderQueries(OrderRepository orders, OrderAccess access) {
        this.orders = orders;
        this.access = access;
    }

    /** One order with its timeline, if the caller may read it ({@link OrderAccess#forReader}); 404 otherwise. */
    @Transactional
    public OrderView get(UUID orderId) {
        Order order = access.forReader(orders.findByIdOptional(orderId)
                .orElseThrow(() -> DomainException.notFound("Order", orderId)));
        return OrderView.of(order, OrderTransition.timelineOf(orderId));
    }

    @Transactional
    public OrderPageView ofBuyer(UUID buyerId, int page, int size) {
        return page(orders.find("buyerId", Sort.descending("placedAt", "id"), buyerId), page, size);
    }

    @Transactional
    public OrderPageView ofSeller(UUID sellerId, OrderStatus status, int page, int size) {
        var query = status == null
                ? orders.find("sellerId", Sort.descending("placedAt", "id"), sellerId)
                : orders.find("sellerId = ?1 and status = ?2", Sort.descending("placedAt", "id"), sellerId, status);
        return page(query, page, size);
    }

    private static OrderPageView page(PanacheQuery<Order> query, int page, int size) {
        var items = query.page(page, size).list().stream().map(OrderSummaryView::of).toList();
        return new OrderPageView(items, page, size, query.count());
    }
}
