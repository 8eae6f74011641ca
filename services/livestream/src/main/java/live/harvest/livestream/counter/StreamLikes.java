package live.harvest.livestream.counter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Who liked which stream ({@code stream_like}): the truth a like counts once against (ADR 0015). Redis only holds the
 * running count; this table rebuilds it after a loss and gives the exact figure when the stream ends.
 */
@ApplicationScoped
public class StreamLikes {

    /**
     * FOR SHARE waits for an end in flight and then sees it: no like is recorded after the figures were summarised.
     */
    private static final String RECORD = """
            insert into stream_like (stream_id, viewer)
            select s.id, ? from stream s where s.id = ? and s.status = 'LIVE' for share
            on conflict (stream_id, viewer) do nothing
            returning seq""";

    /** What recording a like did. */
    public sealed interface Outcome {
        /** New: count it under this seq. */
        record Recorded(long seq) implements Outcome {
        }

        /** This viewer had liked the stream already. */
        record AlreadyLiked() implements Outcome {
        }

        /** The stream is not live (any more). */
        record NotLive() implements Outcome {
        }
    }

    private final DataSource db;

    public StreamLikes(DataSource db) {
        this.db = db;
    }

    /** Records the viewer's like in a transaction of its own, committed before the count is raised. */
    public Outcome record(UUID streamId, String viewer) {
        return QuarkusTransaction.requiringNew().call(() -> sql(connection -> {
            OptionalLong seq = inserted(connection, streamId, viewer);
            if (seq.isPresent()) {
                return new Outcome.Recorded(seq.getAsLong());
            }
            return liked(connection, streamId, viewer) ? new Outcome.AlreadyLiked() : new Outcome.NotLive();
        }));
    }

    /** The exact number of likes; runs in the caller's transaction. */
    public long count(UUID streamId) {
        return sql(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select count(*) from stream_like where stream_id = ?")) {
                query.setObject(1, streamId);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    private static OptionalLong inserted(Connection connection, UUID streamId, String viewer) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(RECORD)) {
            insert.setString(1, viewer);
            insert.setObject(2, streamId);
            try (ResultSet row = insert.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    private static boolean liked(Connection connection, UUID streamId, String viewer) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select 1 from stream_like where stream_id = ? and viewer = ?")) {
            query.setObject(1, streamId);
            query.setString(2, viewer);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private <T> T sql(Jdbc.Work<T> work) {
        return Jdbc.run(db, "Recording a like", work);
    }
}
