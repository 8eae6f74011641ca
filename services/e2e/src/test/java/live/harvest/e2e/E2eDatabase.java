package live.harvest.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A service's e2e database (or another deployment's, e.g. {@code harvest_<svc>_scale}), opened as the service's own
 * role. The fault suite reads from it what no public API exposes (every order of an offer, however many; how often an
 * order was routed) and cuts its connections: a role may terminate its own backends, so no superuser is needed (CI
 * reaches PostgreSQL as the service roles only).
 */
final class E2eDatabase {

    private final String service;
    private final String database;

    E2eDatabase(String service) {
        this(service, Marketplace.database(service));
    }

    E2eDatabase(String service, String database) {
        this.service = service;
        this.database = database;
    }

    /** Every row of a query, each as an array of its columns. */
    List<Object[]> rows(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(service + ": " + sql, e);
        }
    }

    /**
     * Runs a one-column query again and again on one connection, {@code every} apart, until a row's value passes
     * {@code accept}; returns that value, or null after {@code within}. For sampling what lasts milliseconds (a lock).
     */
    String poll(String sql, java.util.function.Predicate<String> accept, java.time.Duration within,
                java.time.Duration every) {
        long giveUp = System.nanoTime() + within.toNanos();
        try (Connection c = connect(); PreparedStatement statement = c.prepareStatement(sql)) {
            while (System.nanoTime() < giveUp) {
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        if (accept.test(rs.getString(1))) {
                            return rs.getString(1);
                        }
                    }
                }
                Drive.pause(every.toMillis());
            }
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException(service + ": " + sql, e);
        }
    }

    long count(String sql, Object... params) {
        return ((Number) rows(sql, params).get(0)[0]).longValue();
    }

    /** Terminates every backend of the database but ours: each pooled connection of the service dies at once. */
    long terminateConnections() {
        return count("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                + " where datname = current_database() and pid <> pg_backend_pid()");
    }

    private Connection connect() throws SQLException {
        String url = "jdbc:postgresql://" + env("DB_HOST", "127.0.0.1") + ":" + env("DB_PORT", "5432") + "/"
                + database;
        return DriverManager.getConnection(url, "harvest_" + service, env("HARVEST_DB_PASSWORD", "harvest"));
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
