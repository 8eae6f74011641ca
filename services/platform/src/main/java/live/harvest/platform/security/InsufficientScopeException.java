package live.harvest.platform.security;

import live.harvest.platform.problem.DomainException;

import java.util.Collection;
import java.util.Map;

/** A partner's token lacks a scope the endpoint needs: 403 with {@code error="insufficient_scope"} (RFC 6750 §3.1). */
public class InsufficientScopeException extends DomainException {

    private final String scope;

    public InsufficientScopeException(Collection<String> needed) {
        super(403, "insufficient-scope", "Forbidden",
                "This endpoint needs the scope(s) " + String.join(" ", needed) + " in the partner's token", null);
        this.scope = String.join(" ", needed);
    }

    /** The {@code WWW-Authenticate} challenge tells the client which scopes to ask for. */
    @Override
    public Map<String, String> headers() {
        return Map.of("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"" + scope + "\"");
    }
}
