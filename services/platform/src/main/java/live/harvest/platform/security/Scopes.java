package live.harvest.platform.security;

import java.util.List;

/**
 * The OAuth2 scopes a partner client can be granted (client scopes of the identity provider). A partner-facing
 * endpoint declares the ones it needs with {@link PartnerScopes}; see docs/security.md.
 */
public final class Scopes {

    public static final String PAYMENTS_WRITE = "payments:write";
    public static final String PAYMENTS_REFUND = "payments:refund";
    public static final String ORDERS_READ = "orders:read";
    public static final String SHIPMENTS_READ = "shipments:read";
    public static final String SHIPMENTS_WRITE = "shipments:write";
    public static final String EVENTS_READ = "events:read";
    public static final String WEBHOOKS_MANAGE = "webhooks:manage";

    public static final List<String> ALL = List.of(PAYMENTS_WRITE, PAYMENTS_REFUND, ORDERS_READ, SHIPMENTS_READ,
            SHIPMENTS_WRITE, EVENTS_READ, WEBHOOKS_MANAGE);

    private Scopes() {
    }
}
