package live.harvest.livestream.counter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

/**
 * The checkpoints of running streams' counters in PostgreSQL ({@code stream_counter_checkpoint}). Plain JDBC: the
 * callers run on timer and feed threads with no request context, and the HyperLogLog is bytes.
 */
@ApplicationScoped
public class CounterCheckpoints {

    /**
     * Monotonic and idempotent, so any instance may write any stream at any time: every figure takes the larger value
     * and the HyperLogLog follows the larger count. FOR SHARE waits for a stream's lifecycle change in flight and then
     * sees its outcome: an ended (or cancelled) stream gets no checkpoint back after it was deleted.
     */
    private static final String SAVE = """
            insert into stream_counter_checkpoint as c
                   (stream_id, likes, peak_viewers, unique_viewers, unique_hll, checkpointed_at)
            select s.id, ?, ?, ?, ?, ? from stream s where s.id = ? and s.status in ('SCHEDULED', 'LIVE') for share
            on conflict (stream_id) do update set
                likes = greatest(c.likes, excluded.likes),
                peak_viewers = greatest(c.peak_viewers, excluded.peak_viewers),
                unique_hll = case when excluded.unique_viewers >= c.unique_viewers
                                  then excluded.unique_hll else c.unique_hll end,
                unique_viewers = greatest(c.unique_viewers, excluded.unique_viewers),
                checkpointed_at = greatest(c.checkpointed_at, excluded.checkpointed_at)""";

    /**
     * Likes come from {@code stream_like} itself (ADR 0015): exact, whatever the checkpoint missed. Count and last seq
     * are read in one statement, so the seq says which likes the count includes.
     */
    private static final String RESTORABLE = """
            select greatest(coalesce(c.likes, 0), l.likes), coalesce(c.peak_viewers, 0),
                   coalesce(c.unique_viewers, 0), c.unique_hll, c.checkpointed_at, l.seq
            from stream s left join stream_counter_checkpoint c on c.stream_id = s.id
            cross join lateral (select count(*) as likes, coalesce(max(seq), 0) as seq
                                from stream_like where stream_id = s.id) l
            where s.id = ? and s.status in ('SCHEDULED', 'LIVE')""";

    private final DataSource db;

    public CounterCheckpoints(DataSource db) {
        this.db = db;
    }

    /** What to rebuild a counted stream's counters from; empty when it is not counted (ended, cancelled, unknown). */
    public Optional<Checkpoint> restorable(UUID streamId) {
        return sql(connection -> {
            try (PreparedStatement query = connection.prepareStatement(RESTORABLE)) {
                query.setObject(1, streamId);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    Timestamp at = row.getTimestamp(5);
                    return Optional.of(new Checkpoint(streamId, row.getLong(1), row.getLong(2), row.getLong(3),
                            row.getBytes(4), at == null ? null : at.toInstant(), row.getLong(6)));
                }
            }
        });
    }

    /** Saves all of them in one transaction of its own. */
    public void save(Collection<Checkpoint> checkpoints) {
        QuarkusTransaction.requiringNew().run(() -> sql(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(SAVE)) {
                // In one order, so that two instances saving overlapping sets take the row locks alike.
                for (Checkpoint c : checkpoints.stream().sorted(
                        Comparator.comparing(Checkpoint::streamId)).toList()) {
                    upsert.setLong(1, c.likes());
                    upsert.setLong(2, c.peakViewers());
                    upsert.setLong(3, c.uniqueViewers());
                    upsert.setBytes(4, c.uniqueHll());
                    upsert.setTimestamp(5, Timestamp.from(c.at()));
                    upsert.setObject(6, c.streamId());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            return null;
        }));
    }

    /** The stream stopped counting; its final figures go on its row. Runs in the caller's transaction. */
    public void forget(UUID streamId) {
        sql(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from stream_counter_checkpoint where stream_id = ?")) {
                delete.setObject(1, streamId);
                return delete.executeUpdate();
            }
        });
    }

    private <T> T sql(Jdbc.Work<T> work) {
        return Jdbc.run(db, "Counter checkpoint", work);
    }
}
