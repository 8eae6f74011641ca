package live.harvest.platform.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a consumer's unit of work (one record, or one poll's records) in a new transaction and retries it while it
 * fails transiently (ADR 0010): roll back, wait (exponential backoff), run the whole unit again. The loop sits outside
 * the transaction on purpose, so a retried unit starts with a fresh transaction and a fresh connection.
 */
@ApplicationScoped
class ConsumerTransactions {

    /** How a unit ended. */
    sealed interface Attempt<T> {
    }

    record Committed<T>(T value) implements Attempt<T> {
    }

    /** Rolled back for good: a refusal or poison, or still transient after the tries the caller allowed. */
    record Failed<T>(FailureClass kind, RuntimeException failure) implements Attempt<T> {
    }

    /** The service is shutting down: the records must stay unacked, so the partition's next owner gets them again. */
    record Abandoned<T>() implements Attempt<T> {
    }

    /** Retry a transient failure without end (a single record never gives up, ADR 0010). */
    static final int FOREVER = Integer.MAX_VALUE;

    private static final Logger LOG = Logger.getLogger(ConsumerTransactions.class);

    private final ConsumerConfig config;
    private final MeterRegistry meters;
    private volatile boolean stopping;

    ConsumerTransactions(ConsumerConfig config, MeterRegistry meters) {
        this.config = config;
        this.meters = meters;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    /** Runs {@code unit} in a new transaction, at most {@code tries} times while it fails transiently. */
    <T> Attempt<T> run(String consumer, String what, int tries, Supplier<T> unit) {
        Duration delay = config.retryInitialDelay();
        for (int attempt = 1; ; attempt++) {
            try {
                return new Committed<>(QuarkusTransaction.requiringNew().call(unit::get));
            } catch (RuntimeException failure) {
                if (stopping) {
                    // Shutting down closes the EntityManagerFactory under a running handler: that says nothing
                    // about the records.
                    LOG.debugf("Leaving %s unacked while shutting down", what);
                    return new Abandoned<>();
                }
                FailureClass kind = FailureClassifier.classify(failure);
                if (kind != FailureClass.TRANSIENT || attempt >= tries) {
                    return new Failed<>(kind, failure);
                }
                meters.counter("harvest.consumer.retries", "consumer", consumer).increment();
                LOG.warnf("Transient failure applying %s for %s (attempt %d), retrying in %d ms: %s",
                        what, consumer, attempt, delay.toMillis(), rootMessage(failure));
                if (!pause(delay)) {
                    return new Abandoned<>();
                }
                delay = min(delay.multipliedBy(2), config.retryMaxDelay());
            }
        }
    }

    private boolean pause(Duration delay) {
        if (stopping) {
            return false;
        }
        try {
            Thread.sleep(delay.toMillis());
            return !stopping;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
