package live.harvest.orders.order;

import jakarta.enterprise.context.ApplicationScoped;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.security.Caller;
import live.harvest.platform.security.Roles;

import java.util.UUID;

/**
 * Who may see and act on which order; the one reader of the {@link Caller} in orders. An order is seen by its buyer,
 * its seller, admins and partners (whose {@code orders:read} scope the platform's PartnerScopeFilter checks on the
 * endpoint); only its buyer cancels it or asks for a refund. Anyone else is told it does not exist (404), so its
 * existence does not leak.
 */
@ApplicationScoped
public class OrderAccess {

    private final Caller caller;

    public OrderAccess(Caller caller) {
        this.caller = caller;
    }

    /** The calling buyer (the endpoints that ask allow only consumers). */
    public UUID buyer() {
        return caller.id();
    }

    /** The seller the caller acts as; 403 when the token names none. */
    public UUID actingSeller() {
        return caller.requireSellerId();
    }

    /** The order, if the caller may read it; 404 otherwise. */
    public Order forReader(Order order) {
        boolean allowed = caller.is(Roles.ADMIN) || caller.is(Roles.PARTNER) || isBuyerOf(order)
                || caller.sellerId().map(order.sellerId::equals).orElse(false);
        if (!allowed) {
            throw DomainException.notFound("Order", order.id);
        }
        return order;
    }

    /** The order, if it is the calling buyer's; 404 otherwise. */
    public Order forBuyer(Order order) {
        if (!order.buyerId.equals(caller.id())) {
            throw DomainException.notFound("Order", order.id);
        }
        return order;
    }

    /**
     * Who confirms a refund, as the timeline names them ({@code admin:<id>}, {@code partner:<id>}); 403 for anyone
     * else. The partner's scope ({@code payments:refund}) is declared on the endpoint and checked by the platform.
     */
    public String refundConfirmer() {
        if (caller.is(Roles.ADMIN)) {
            return "admin:" + caller.id();
        }
        if (caller.is(Roles.PARTNER)) {
            return "partner:" + caller.id();
        }
        throw DomainException.forbidden("Confirming a refund needs the admin or the partner role");
    }

    private boolean isBuyerOf(Order order) {
        return caller.is(Roles.CONSUMER) && order.buyerId.equals(caller.id());
    }
}
