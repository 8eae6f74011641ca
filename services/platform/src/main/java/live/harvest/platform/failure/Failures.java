package live.harvest.platform.failure;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

/**
 * Is a failure the world being briefly unavailable (database, lock, pool, broker, Redis), so that the same work will
 * likely succeed a little later? Asked by the event consumers (retry instead of dead-lettering) and by the REST
 * problem mapper (503 with Retry-After instead of 500). It looks at the whole cause chain, because the signal is
 * usually wrapped (a {@code PSQLException} with SQLState 08006 inside Hibernate's exception inside a JTA rollback).
 * Types are matched by name so the platform needs no compile-time dependency on each driver and client.
 */
public final class Failures {

    /** Exception types (or supertypes) that mean "the same record will likely succeed a little later". */
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "org.hibernate.exception.JDBCConnectionException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.exception.LockTimeoutException",
            "org.hibernate.PessimisticLockException",
            "org.hibernate.QueryTimeoutException",
            "org.hibernate.StaleStateException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.QueryTimeoutException",
            "jakarta.persistence.OptimisticLockException",
            "java.sql.SQLTransientException",
            "java.sql.SQLRecoverableException",
            "java.sql.SQLNonTransientConnectionException",
            "java.net.ConnectException",
            "java.net.SocketException",
            "java.net.SocketTimeoutException",
            "java.net.UnknownHostException",
            "java.util.concurrent.TimeoutException",
            "io.smallrye.mutiny.TimeoutException",
            "io.vertx.core.http.ConnectionPoolTooBusyException",
            "io.vertx.core.impl.NoStackTraceTimeoutException",
            "io.netty.channel.ConnectTimeoutException",
            "org.apache.kafka.common.errors.RetriableException");

    /**
     * PostgreSQL SQLStates worth retrying: connection exceptions (08), serialization failure and deadlock, lock not
     * available, statement timeout / cancel, the server terminating or restarting the backend (57P0x, what
     * {@code pg_terminate_backend} causes), insufficient resources (53, e.g. too many connections).
     */
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of(
            "40001", "40P01", "55P03", "57014", "57P01", "57P02", "57P03");
    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("08", "53");

    /** Messages of pool and client failures that carry no usable type (Agroal's acquisition timeout, Vert.x/Redis). */
    private static final Set<String> TRANSIENT_MESSAGES = Set.of(
            "acquisition timeout", "connection is closed", "connection was closed");

    private Failures() {
    }

    /** True when the failure or anything in its cause chain is transient. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t : chainOf(failure)) {
            if (isTransientItself(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientItself(Throwable t) {
        for (Class<?> c = t.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            if (TRANSIENT_TYPES.contains(c.getName())) {
                return true;
            }
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            if (TRANSIENT_SQL_STATES.contains(state)
                    || (state.length() >= 2 && TRANSIENT_SQL_STATE_CLASSES.contains(state.substring(0, 2)))) {
                return true;
            }
        }
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        return TRANSIENT_MESSAGES.stream().anyMatch(message::contains);
    }

    /** The failure, its causes, suppressed exceptions and chained SQL exceptions, each once. */
    public static Iterable<Throwable> chainOf(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(failure);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            Collections.addAll(todo, t.getSuppressed());
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
        }
        return seen;
    }
}
