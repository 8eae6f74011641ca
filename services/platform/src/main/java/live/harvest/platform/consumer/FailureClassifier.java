package live.harvest.platform.consumer;

import live.harvest.platform.failure.Failures;
import live.harvest.platform.problem.DomainException;

/**
 * Sorts a consumer failure into {@link FailureClass}: transient as {@link Failures} judges it, a refusal when a
 * {@link DomainException} below 500 is in the chain, anything else poison: a defect is better parked for replay than
 * retried forever while it blocks its partition.
 */
public final class FailureClassifier {

    private FailureClassifier() {
    }

    public static FailureClass classify(Throwable failure) {
        if (Failures.isTransient(failure)) {
            return FailureClass.TRANSIENT;
        }
        boolean refusal = false;
        for (Throwable t : Failures.chainOf(failure)) {
            if (t instanceof DomainException domain) {
                // A 5xx refusal is a dependency being unavailable (e.g. catalog-unavailable), not a verdict on the event.
                if (domain.status() >= 500) {
                    return FailureClass.TRANSIENT;
                }
                refusal = true;
            }
        }
        return refusal ? FailureClass.REFUSAL : FailureClass.POISON;
    }
}
