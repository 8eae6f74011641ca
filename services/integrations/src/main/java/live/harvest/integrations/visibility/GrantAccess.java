package live.harvest.integrations.visibility;

import jakarta.enterprise.context.ApplicationScoped;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.security.Caller;
import live.harvest.platform.security.Roles;

import java.util.UUID;

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

    /**
     * The grant whose view the caller reads: an admin names the partner ({@code partnerId}, 400 without one, 404
     * for no active partner); a partner reads its own, and may name only itself.
     */
    public VisibilityGrant viewOf(UUID partnerId) {
        if (caller.is(Roles.ADMIN)) {
            if (partnerId == null) {
                throw DomainException.badRequest("partner-id-required",
                        "An admin reads a partner's view: give partnerId");
            }
            return grants.of(partnerId).orElseThrow(() -> DomainException.notFound("Active partner", partnerId));
        }
        VisibilityGrant own = currentPartner();
        if (partnerId != null && !partnerId.equals(own.partnerId())) {
            throw DomainException.forbidden("A partner reads its own view only");
        }
        return own;
    }
}
