package live.harvest.platform.problem;

/**
 * The identity provider could not be reached (to verify a token, or, for integrations, to manage a client): 503 with
 * {@code Retry-After}; ours to fix, the caller's to retry.
 */
public class IdentityProviderUnavailable extends ServiceUnavailable {

    public IdentityProviderUnavailable(String detail, Throwable cause) {
        super("identity-provider-unavailable", detail, 5, cause);
    }
}
