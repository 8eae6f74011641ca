package live.harvest.platform.state;

import live.harvest.platform.problem.DomainException;

import java.util.Set;

/**
 * The one shape of a state machine in every service (docs/service-skeleton.md): the status enum lists, per state,
 * the states it may move to, so the rule is pure data with millisecond tests, and the aggregate's move refuses the
 * rest with a 409 through {@link #refuseUnless}.
 */
public interface StatusMachine<S extends Enum<S> & StatusMachine<S>> {

    /** The states this one may move to; empty for a final state. */
    Set<S> next();

    default boolean canMoveTo(S target) {
        return next().contains(target);
    }

    default boolean isFinal() {
        return next().isEmpty();
    }

    /**
     * Throws 409 with {@code slug} (the problem type the service has published for this refusal) unless
     * {@code from} may move to {@code to}; {@code what} names the thing, e.g. "Order 3f…".
     */
    static <S extends Enum<S> & StatusMachine<S>> void refuseUnless(S from, S to, String slug, String what) {
        if (!from.canMoveTo(to)) {
            throw DomainException.conflict(slug, what + " is " + from + " and cannot become " + to);
        }
    }
}
