package live.harvest.integrations.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import live.harvest.integrations.history.HistoryDtos.EventItemView;
import live.harvest.integrations.history.HistoryDtos.EventPageView;
import live.harvest.integrations.visibility.VisibilityGrant;
import live.harvest.integrations.visibility.VisibilityKeys;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a partner's page of the history: the events its grant sees, after a cursor, oldest first. Only rows of
 * transactions older than every transaction still running are read ({@code xid < pg_snapshot_xmin(...)}), in
 * (xid, seq) order, so a row committing later always sorts after the cursor a reader already holds (ADR 0021).
 */
@ApplicationScoped
public class HistoryService {

    private final EntityManager em;

    HistoryService(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public EventPageView page(VisibilityGrant grant, String after, String types, int limit) {
        HistoryCursor from = HistoryCursor.decode(after);
        TypeFilter filter = TypeFilter.parse(types);
        StringBuilder sql = new StringBuilder("""
                select xid::text, seq, type, envelope, array_to_string(counties, ','), array_to_string(sites, ','),
                       payment_partner
                from event_history
                where (xid, seq) > (cast(?1 as xid8), ?2)
                  and xid < pg_snapshot_xmin(pg_current_snapshot())
                """);
        List<Object> params = new ArrayList<>(List.of(Long.toString(from.xid()), from.seq()));
        if (!grantClause(grant, sql, params)) {
            return new EventPageView(List.of(), after == null || after.isBlank() ? null : after);
        }
        if (!filter.isAll()) {
            sql.append(" and (type = any(string_to_array(?").append(params.size() + 1).append(", ','))")
                    .append(" or split_part(type, '.', 1) = any(string_to_array(?").append(params.size() + 2)
                    .append(", ','))) ");
            params.add(String.join(",", filter.exact()));
            params.add(String.join(",", filter.domains()));
        }
        sql.append(" order by xid, seq limit ?").append(params.size() + 1);
        params.add(limit);
        var query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<EventItemView> items = new ArrayList<>();
        String next = after == null || after.isBlank() ? null : after;
        for (Object[] row : rows) {
            String cursor = new HistoryCursor(Long.parseLong((String) row[0]), ((Number) row[1]).longValue()).encode();
            next = cursor;
            VisibilityKeys keys = new VisibilityKeys(split(row[4]), split(row[5]), (String) row[6]);
            // The SQL above is the rule's index-friendly form; the rule itself has the last word.
            if (grant.sees((String) row[2], keys) && filter.matches((String) row[2])) {
                items.add(new EventItemView(cursor, (String) row[3]));
            }
        }
        return new EventPageView(items, next);
    }

    /**
     * Narrows the query to what the grant can see; false when it can see nothing at all (no query needed).
     * Mirrors {@link VisibilityGrant#sees}.
     */
    private static boolean grantClause(VisibilityGrant grant, StringBuilder sql, List<Object> params) {
        int n = params.size() + 1;
        switch (grant.kind()) {
            case PAYMENT_PROVIDER -> {
                if (grant.paymentPartner() == null) {
                    return false;
                }
                sql.append(" and type like 'orders.%' and payment_partner = ?").append(n);
                params.add(grant.paymentPartner());
            }
            case COURIER -> {
                if (grant.sites().isEmpty()) {
                    return false;
                }
                sql.append(" and type like 'logistics.%' and sites && string_to_array(?").append(n).append(", ',')");
                params.add(String.join(",", grant.sites()));
            }
            case COUNTY_SERVICE_CENTRE, PLATFORM -> {
                if (grant.counties().isEmpty()) {
                    return false;
                }
                sql.append(" and split_part(type, '.', 1) in ('catalog', 'livestream', 'orders', 'logistics')")
                        .append(" and counties && string_to_array(?").append(n).append(", ',')");
                params.add(String.join(",", grant.counties()));
            }
        }
        return true;
    }

    private static Set<String> split(Object joined) {
        return joined == null ? Set.of() : new HashSet<>(EventFacts.split((String) joined));
    }
}
