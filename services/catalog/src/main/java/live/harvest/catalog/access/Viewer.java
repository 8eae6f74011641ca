package live.harvest.catalog.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import live.harvest.platform.security.Caller;
import live.harvest.platform.security.Roles;

import java.util.Optional;
import java.util.UUID;

/**
 * Who is looking at a public endpoint, which may be nobody. {@link Caller} assumes a token is present,
 * so anonymous requests are answered from the security identity first.
 */
@RequestScoped
public class Viewer {

    private final SecurityIdentity identity;
    private final Caller caller;

    public Viewer(SecurityIdentity identity, Caller caller) {
        this.identity = identity;
        this.caller = caller;
    }

    /** The seller the caller acts as, if they are logged in as one. */
    public Optional<UUID> sellerId() {
        return !identity.isAnonymous() && identity.hasRole(Roles.SELLER) ? caller.sellerId() : Optional.empty();
    }

    public boolean isAdmin() {
        return !identity.isAnonymous() && identity.hasRole(Roles.ADMIN);
    }
}
