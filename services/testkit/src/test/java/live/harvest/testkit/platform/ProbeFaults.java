package live.harvest.testkit.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import live.harvest.platform.problem.DomainException;
import org.hibernate.exception.JDBCConnectionException;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Faults a test arms per recipient name, so tests running side by side never trip each other's. */
@ApplicationScoped
public class ProbeFaults {

    public enum Fault { CONNECTION_LOST, TERMINATE_BACKEND, REFUSE, DEFECT }

    private record Armed(Fault fault, AtomicInteger remaining, AtomicInteger tries) {
    }

    private final Map<String, Armed> armed = new ConcurrentHashMap<>();
    private final EntityManager em;

    public ProbeFaults(EntityManager em) {
        this.em = em;
    }

    /** The next {@code times} handlings of an event for {@code recipient} fail with {@code fault}. */
    public void arm(String recipient, Fault fault, int times) {
        armed.put(recipient, new Armed(fault, new AtomicInteger(times), new AtomicInteger()));
    }

    /** How often an event for {@code recipient} was handled (failed tries included). */
    public int tries(String recipient) {
        Armed a = armed.get(recipient);
        return a == null ? 0 : a.tries().get();
    }

    void maybeFail(String recipient) {
        Armed a = armed.get(recipient);
        if (a == null) {
            return;
        }
        a.tries().incrementAndGet();
        if (a.remaining().getAndDecrement() <= 0) {
            return;
        }
        switch (a.fault()) {
            case CONNECTION_LOST -> throw new JDBCConnectionException("probe: connection lost",
                    new SQLException("An I/O error occurred while sending to the backend.", "08006"));
            // The real thing: PostgreSQL ends this transaction's own backend, as an operator or a failover would.
            case TERMINATE_BACKEND -> em.createNativeQuery("select pg_terminate_backend(pg_backend_pid())")
                    .getSingleResult();
            case REFUSE -> throw DomainException.notFound("Order", recipient);
            // A bug in a handler: not transient, not a refusal, so dead-lettered for a replay after the fix.
            case DEFECT -> throw new IllegalStateException("probe: a defect in the handler");
        }
    }
}
