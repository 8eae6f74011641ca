package live.harvest.platform.problem;

import java.util.Map;

/**
 * The identity provider could not be reached (to verify a token, or, for integrations, to manage a client): 503 with
 * {@code Retry-After}; ours to fix, the caller's to retry.
 */
public class IdentityProviderUnavailable extends DomainException {

    public IdentityProviderUnavailable(String detail, Throwable cause) {
        super(503, "identity-provider-unavailable", "Service unavailable", detail, null);
        initCause(cause);
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", "5");
    }
}
