package live.harvest.testkit.platform;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import live.harvest.platform.consumer.ContractCheck.ContractViolation;
import live.harvest.platform.consumer.FailureClass;
import live.harvest.platform.consumer.FailureClassifier;
import live.harvest.platform.event.PoisonMessageException;
import live.harvest.platform.problem.DomainException;
import live.harvest.testkit.UnitTest;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Plain, millisecond tests of which failures are retried, dead-lettered or recorded as refusals. */
@UnitTest
class FailureClassifierTest {

    @Test
    void givenALostDatabaseConnection_whenClassified_thenItIsTransient() {
        assertEquals(FailureClass.TRANSIENT, FailureClassifier.classify(
                new JDBCConnectionException("lost", new SQLException("I/O error", "08006"))));
    }

    @Test
    void givenATerminatedBackendDeepInsideATransactionFailure_whenClassified_thenItIsTransient() {
        SQLException terminated = new SQLException("terminating connection due to administrator command", "57P01");
        Exception wrapped = new IllegalStateException("commit failed",
                new PersistenceException("flush", new GenericJDBCException("insert", terminated)));
        assertEquals(FailureClass.TRANSIENT, FailureClassifier.classify(wrapped));
    }

    @Test
    void givenSerializationFailuresDeadlocksAndTimeouts_whenClassified_thenTheyAreTransient() {
        for (String state : new String[]{"40001", "40P01", "55P03", "57014", "08001", "53300"}) {
            assertEquals(FailureClass.TRANSIENT, FailureClassifier.classify(
                    new GenericJDBCException("x", new SQLException("x", state))), state);
        }
        assertEquals(FailureClass.TRANSIENT, FailureClassifier.classify(new PessimisticLockException("locked")));
        assertEquals(FailureClass.TRANSIENT, FailureClassifier.classify(new LockTimeoutException("lock timeout")));
        assertEquals(FailureClass.TRANSIENT, FailureClassifier.classify(new QueryTimeoutException("statement timeout")));
    }

    @Test
    void givenPoolBrokerAndRedisUnavailability_whenClassified_thenTheyAreTransient() {
        assertEquals(FailureClass.TRANSIENT, FailureClassifier.classify(
                new SQLException("Acquisition timeout while waiting for new connection", null, new TimeoutException())));
        assertEquals(FailureClass.TRANSIENT, FailureClassifier.classify(new SQLTransientConnectionException("pool")));
        assertEquals(FailureClass.TRANSIENT, FailureClassifier.classify(
                new CompletionException(new ConnectException("Connection refused: localhost/127.0.0.1:6379"))));
        assertEquals(FailureClass.TRANSIENT, FailureClassifier.classify(
                new org.apache.kafka.common.errors.TimeoutException("broker not available")));
    }

    @Test
    void givenADomainRefusal_whenClassified_thenItIsARefusal() {
        assertEquals(FailureClass.REFUSAL, FailureClassifier.classify(DomainException.notFound("Order", "o-1")));
        assertEquals(FailureClass.REFUSAL, FailureClassifier.classify(
                new IllegalStateException("wrapped", DomainException.conflict("late", "too late"))));
    }

    @Test
    void givenAnUnavailableDependency_whenClassified_thenItIsTransientNotARefusal() {
        assertEquals(FailureClass.TRANSIENT, FailureClassifier.classify(new DomainException(503,
                "catalog-unavailable", "Service unavailable", "Catalog could not be reached", null)));
    }

    @Test
    void givenARefusalCausedByALostConnection_whenClassified_thenTheTransientCauseWins() {
        DomainException refusal = DomainException.conflict("x", "x");
        refusal.initCause(new SQLException("I/O error", "08006"));
        assertEquals(FailureClass.TRANSIENT, FailureClassifier.classify(refusal));
    }

    @Test
    void givenUnreadableRecordsContractViolationsAndDefects_whenClassified_thenTheyArePoison() {
        assertEquals(FailureClass.POISON, FailureClassifier.classify(new PoisonMessageException("not json", null)));
        assertEquals(FailureClass.POISON, FailureClassifier.classify(new ContractViolation("orderId must not be null")));
        assertEquals(FailureClass.POISON, FailureClassifier.classify(new NullPointerException()));
        assertEquals(FailureClass.POISON, FailureClassifier.classify(
                new GenericJDBCException("dup", new SQLException("duplicate key", "23505"))));
    }
}
