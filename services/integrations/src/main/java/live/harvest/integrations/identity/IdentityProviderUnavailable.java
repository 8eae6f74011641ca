package live.harvest.integrations.identity;

import live.harvest.platform.problem.DomainException;

import java.util.Map;

/** Keycloak could not be reached or refused our service account: 503, and the caller may retry later. */
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
