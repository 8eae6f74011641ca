package live.harvest.platform.problem;

import java.util.Map;

/**
 * Something we depend on is briefly unable to answer (an identity provider, a pool being rebuilt): 503 with
 * {@code Retry-After}. Ours to fix, the caller's to retry; never remembered as an idempotent answer.
 */
public class ServiceUnavailable extends DomainException {

    private final int retryAfterSeconds;

    public ServiceUnavailable(String slug, String detail, int retryAfterSeconds, Throwable cause) {
        super(503, slug, "Service unavailable", detail, null);
        this.retryAfterSeconds = retryAfterSeconds;
        if (cause != null) {
            initCause(cause);
        }
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Integer.toString(retryAfterSeconds));
    }
}
