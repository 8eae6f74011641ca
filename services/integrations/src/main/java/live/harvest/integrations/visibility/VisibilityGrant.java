package live.harvest.integrations.visibility;

import live.harvest.integrations.partner.PartnerKind;

import java.util.Collections;
import java.util.Set;
import java.util.UUID;

/**
 * What one ACTIVE partner may see: its kind, its API scopes and the counties, logistics sites and payment partner
 * id an admin granted it ({@code PUT /api/v1/partners/{id}/visibility}). The rule, for the history and webhooks
 * alike, is {@link #sees}.
 */
public record VisibilityGrant(UUID partnerId, PartnerKind kind, Set<String> scopes, Set<String> counties,
                              Set<String> sites, String paymentPartner) {

    /** The domains whose events a county service centre or another platform may see (by county). */
    static final Set<String> COUNTY_DOMAINS = Set.of("catalog", "livestream", "orders", "logistics");

    public VisibilityGrant {
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        counties = counties == null ? Set.of() : Set.copyOf(counties);
        sites = sites == null ? Set.of() : Set.copyOf(sites);
        paymentPartner = paymentPartner == null || paymentPartner.isBlank() ? null : paymentPartner;
    }

    /**
     * The visibility rule: a PAYMENT_PROVIDER sees {@code orders.*} events paid through its own payment partner id;
     * a COURIER sees {@code logistics.*} events of shipments that touched one of its sites; a COUNTY_SERVICE_CENTRE
     * or a PLATFORM sees {@code catalog.*}, {@code livestream.*}, {@code orders.*} and {@code logistics.*} events
     * that concern one of its counties. An event with no keys is seen by no one.
     */
    public boolean sees(String eventType, VisibilityKeys keys) {
        if (eventType == null || keys == null || keys.isEmpty()) {
            return false;
        }
        String domain = domainOf(eventType);
        return switch (kind) {
            case PAYMENT_PROVIDER -> "orders".equals(domain)
                    && paymentPartner != null && paymentPartner.equals(keys.paymentPartner());
            case COURIER -> "logistics".equals(domain) && meet(sites, keys.sites());
            case COUNTY_SERVICE_CENTRE, PLATFORM -> COUNTY_DOMAINS.contains(domain) && meet(counties, keys.counties());
        };
    }

    /** True when a webhook endpoint's optional county and site filter lies within this grant (empty = no filter). */
    public boolean covers(Set<String> filterCounties, Set<String> filterSites) {
        return (filterCounties == null || counties.containsAll(filterCounties))
                && (filterSites == null || sites.containsAll(filterSites));
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /** {@code orders} of {@code orders.order-paid}; the whole type when it has no dot. */
    static String domainOf(String eventType) {
        int dot = eventType.indexOf('.');
        return dot < 0 ? eventType : eventType.substring(0, dot);
    }

    private static boolean meet(Set<String> granted, Set<String> concerned) {
        return !Collections.disjoint(granted, concerned);
    }
}
