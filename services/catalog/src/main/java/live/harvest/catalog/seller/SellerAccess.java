package live.harvest.catalog.seller;

import jakarta.enterprise.context.ApplicationScoped;
import live.harvest.platform.security.Caller;
import live.harvest.platform.security.Roles;

import java.util.Optional;
import java.util.UUID;

/**
 * Who is acting, for every catalog feature: the one reader of the caller's token here. Resources ask it and pass
 * plain ids on, so no service sees a token. Whether that seller may touch a given product or SKU is
 * {@code ProductAccess}'s rule; roles are declared on the resources with {@code @RolesAllowed}.
 */
@ApplicationScoped
public class SellerAccess {

    private final Caller caller;

    public SellerAccess(Caller caller) {
        this.caller = caller;
    }

    /** The seller the caller acts as (their token's {@code seller_id}); 403 when the token names none. */
    public UUID actingSeller() {
        return caller.requireSellerId();
    }

    /** The seller the caller acts as, if a seller is calling; empty for anyone else, anonymous callers too. */
    public Optional<UUID> sellerIfAny() {
        return caller.sellerId();
    }

    public boolean isAdmin() {
        return caller.is(Roles.ADMIN);
    }
}
