package live.harvest.livestream.counter;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Plain JDBC on a pooled connection: the counters run on timer and feed threads with no request context. */
final class Jdbc {

    @FunctionalInterface
    interface Work<T> {
        T in(Connection connection) throws SQLException;
    }

    private Jdbc() {
    }

    /** Runs the work on a connection (in the caller's transaction, if any); SQL errors become unchecked. */
    static <T> T run(DataSource db, String what, Work<T> work) {
        try (Connection connection = db.getConnection()) {
            return work.in(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
        }
    }
}
