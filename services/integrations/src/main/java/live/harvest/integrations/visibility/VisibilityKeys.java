package live.harvest.integrations.visibility;

import java.util.Set;
import java.util.TreeSet;

/**
 * What one recorded event concerns, fixed when it is recorded: county codes (the seller's county, the delivery
 * county), logistics site codes (the centres, stations and pickup points its shipment touched) and the payment
 * partner id (the {@code X-Payment-Partner} of the callback that paid its order). An event with no keys is seen by
 * no partner.
 */
public record VisibilityKeys(Set<String> counties, Set<String> sites, String paymentPartner) {

    public static final VisibilityKeys NONE = new VisibilityKeys(Set.of(), Set.of(), null);

    public VisibilityKeys {
        counties = counties == null ? Set.of() : Set.copyOf(new TreeSet<>(counties));
        sites = sites == null ? Set.of() : Set.copyOf(new TreeSet<>(sites));
        paymentPartner = paymentPartner == null || paymentPartner.isBlank() ? null : paymentPartner;
    }

    public boolean isEmpty() {
        return counties.isEmpty() && sites.isEmpty() && paymentPartner == null;
    }

    /** These keys and {@code other}'s together (the payment partner of this one if both name one). */
    public VisibilityKeys with(VisibilityKeys other) {
        Set<String> c = new TreeSet<>(counties);
        c.addAll(other.counties);
        Set<String> s = new TreeSet<>(sites);
        s.addAll(other.sites);
        return new VisibilityKeys(c, s, paymentPartner != null ? paymentPartner : other.paymentPartner);
    }
}
