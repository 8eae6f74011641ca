package live.harvest.integrations.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import live.harvest.integrations.visibility.VisibilityKeys;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Facts remembered from earlier events, so a later event inherits the keys its own payload lacks: an order's seller,
 * counties and payment partner ({@code order_fact}), a seller's home county ({@code seller_fact}), a shipment's order
 * and every site it touched so far ({@code shipment_fact}). Each event first teaches what it states (upserts that
 * keep what is known and add what is new), then reads its keys back. An event that arrives before its facts (the
 * orders and logistics topics are consumed independently) gets the keys known at that moment; keys are never
 * changed afterwards (ADR 0021).
 */
@ApplicationScoped
class EventFacts {

    private final EntityManager em;

    EventFacts(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    VisibilityKeys learnAndResolve(Mentions m) {
        Timestamp now = Timestamp.from(Instant.now());
        if (m.orderId() != null) {
            em.createNativeQuery("""
                    insert into order_fact (order_id, seller_id, seller_county, delivery_county, payment_partner,
                                            updated_at)
                    values (?1, ?2, ?3, ?4, ?5, ?6)
                    on conflict (order_id) do update set
                        seller_id = coalesce(excluded.seller_id, order_fact.seller_id),
                        seller_county = coalesce(excluded.seller_county, order_fact.seller_county),
                        delivery_county = coalesce(excluded.delivery_county, order_fact.delivery_county),
                        payment_partner = coalesce(excluded.payment_partner, order_fact.payment_partner),
                        updated_at = excluded.updated_at""")
                    .setParameter(1, m.orderId()).setParameter(2, m.sellerId()).setParameter(3, m.sellerCounty())
                    .setParameter(4, m.deliveryCounty()).setParameter(5, m.paymentPartner()).setParameter(6, now)
                    .executeUpdate();
        }
        if (m.sellerId() != null && m.sellerCounty() != null) {
            em.createNativeQuery("""
                    insert into seller_fact (seller_id, county, updated_at) values (?1, ?2, ?3)
                    on conflict (seller_id) do update set county = excluded.county, updated_at = excluded.updated_at""")
                    .setParameter(1, m.sellerId()).setParameter(2, m.sellerCounty()).setParameter(3, now)
                    .executeUpdate();
        }
        Set<String> sites = new TreeSet<>(m.sites());
        if (m.shipmentId() != null && m.orderId() != null) {
            String known = (String) em.createNativeQuery("""
                    insert into shipment_fact (shipment_id, order_id, sites, updated_at)
                    values (?1, ?2, string_to_array(?3, ','), ?4)
                    on conflict (shipment_id) do update set
                        sites = array(select distinct unnest(shipment_fact.sites || excluded.sites) order by 1),
                        updated_at = excluded.updated_at
                    returning array_to_string(sites, ',')""")
                    .setParameter(1, m.shipmentId()).setParameter(2, m.orderId())
                    .setParameter(3, String.join(",", m.sites())).setParameter(4, now)
                    .getSingleResult();
            sites.addAll(split(known));
        }
        VisibilityKeys keys = new VisibilityKeys(m.counties(), sites, m.paymentPartner());
        if (m.orderId() != null) {
            keys = keys.with(orderKeys(m.orderId()));
        }
        if (m.sellerId() != null) {
            keys = keys.with(sellerKeys(m.sellerId()));
        }
        return keys;
    }

    /** The order's counties (its seller's home county among them) and its payment partner, as known now. */
    private VisibilityKeys orderKeys(UUID orderId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select o.seller_county, o.delivery_county, o.payment_partner, s.county
                from order_fact o left join seller_fact s on s.seller_id = o.seller_id
                where o.order_id = ?1""")
                .setParameter(1, orderId).getResultList();
        if (rows.isEmpty()) {
            return VisibilityKeys.NONE;
        }
        Object[] row = rows.get(0);
        Set<String> counties = new TreeSet<>();
        for (int i : new int[] {0, 1, 3}) {
            if (row[i] != null) {
                counties.add((String) row[i]);
            }
        }
        return new VisibilityKeys(counties, Set.of(), (String) row[2]);
    }

    private VisibilityKeys sellerKeys(UUID sellerId) {
        @SuppressWarnings("unchecked")
        List<String> county = em.createNativeQuery("select county from seller_fact where seller_id = ?1")
                .setParameter(1, sellerId).getResultList();
        return new VisibilityKeys(Set.copyOf(county), Set.of(), null);
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
