package live.harvest.platform.ratelimit;

import live.harvest.platform.problem.DomainException;

import java.util.Map;

/** 429 {@code rate-limited}: the caller spent this route class's quota; the headers say when to come back. */
public class RateLimitExceeded extends DomainException {

    private final transient Decision decision;

    public RateLimitExceeded(Decision decision) {
        super(429, "rate-limited", "Too many requests",
                "Too many " + decision.routeClass() + " requests: at most " + decision.policy().limit() + " per "
                        + decision.policy().window().toSeconds() + " s; retry after "
                        + decision.retryAfterHeader() + " s", null);
        this.decision = decision;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", decision.retryAfterHeader(),
                "RateLimit-Policy", decision.policyHeader(),
                "RateLimit", decision.rateLimitHeader());
    }
}
