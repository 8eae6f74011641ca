package live.harvest.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The idempotent-consumer record. Call {@link #firstDelivery} inside the transaction that applies the event:
 * the processed id commits or rolls back together with the business change. A concurrent duplicate blocks on
 * the primary key until the first commits and then sees {@code false}.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;

    public Inbox(EntityManager em) {
        this.em = em;
    }

    /** @return true if this consumer has not applied {@code eventId} before (and records it now). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        int inserted = em.createNativeQuery(
                        "insert into processed_event (consumer, event_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate();
        return inserted == 1;
    }

    /**
     * The batch form of {@link #firstDelivery}: records every id in one statement.
     *
     * @return the ids this consumer had not applied before (each once, whatever the duplicates in {@code eventIds})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> firstDeliveries(String consumer, Collection<UUID> eventIds) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into processed_event"
                    + " (consumer, event_id) select ?, unnest(?::uuid[]) on conflict do nothing returning event_id")) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("uuid", eventIds.toArray()));
                List<UUID> inserted = new ArrayList<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(rows.getObject(1, UUID.class));
                    }
                }
                return inserted;
            }
        });
    }
}
