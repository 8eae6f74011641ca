package live.harvest.integrations.visibility;

import jakarta.enterprise.context.ApplicationScoped;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.security.Caller;
import live.harvest.platform.security.Roles;

/**
 * Who the calling partner is and what it may see: the partner whose OAuth2 client the token was issued to
 * ({@code azp} = {@code Partner.clientId}). Endpoints are {@code @RolesAllowed(partner)}, so anonymous callers were
 * already answered 401; a token of no ACTIVE partner gets 403.
 */
@ApplicationScoped
public class GrantAccess {

    private final Caller caller;
    private final VisibilityGrants grants;

    public GrantAccess(Caller caller, VisibilityGrants grants) {
        this.caller = caller;
        this.grants = grants;
    }

    public VisibilityGrant currentPartner() {
        if (!caller.is(Roles.PARTNER)) {
            throw DomainException.forbidden("Only partner clients have a partner's view");
        }
        String clientId = caller.clientId()
                .orElseThrow(() -> DomainException.forbidden("The token names no client (azp)"));
        return grants.ofClient(clientId)
                .orElseThrow(() -> DomainException.forbidden("No active partner is registered for client " + clientId));
    }

    /** True when the caller is an admin (who may read any partner's view). */
    public boolean isAdmin() {
        return caller.is(Roles.ADMIN);
    }
}
