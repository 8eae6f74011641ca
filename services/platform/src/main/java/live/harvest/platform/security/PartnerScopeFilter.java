package live.harvest.platform.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ResourceInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Enforces the partner scopes an endpoint declares in its OpenAPI document:
 * {@code @Extension(name = PartnerScopeFilter.EXTENSION, value = Scopes.ORDERS_READ)} is served as
 * {@code x-partner-scopes} plus an OAuth2 security requirement (see {@link PartnerSecurity}) and checked here, so the
 * published contract and the check are one declaration. It applies to partner tokens only: other roles are governed
 * by {@code @RolesAllowed} and by the services' who-may-act checks. A partner without the scope gets 403 with
 * {@code WWW-Authenticate: Bearer error="insufficient_scope"} (RFC 6750).
 */
public class PartnerScopeFilter {

    /** The OAuth2 (client credentials) security scheme partners authenticate with. */
    public static final String SCHEME = "partner";
    /** The OpenAPI extension naming the scopes (space-separated) a partner needs for an operation. */
    public static final String EXTENSION = "x-partner-scopes";

    private final CurrentIdentityAssociation identities;

    public PartnerScopeFilter(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Void> requirePartnerScopes(ResourceInfo resource) {
        List<String> needed = declaredScopes(resource.getResourceMethod());
        if (needed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().onItem().invoke(identity -> {
            if (isPartner(identity) && !granted(identity).containsAll(needed)) {
                throw new InsufficientScopeException(needed);
            }
        }).replaceWithVoid();
    }

    /** The scopes a partner needs for an endpoint method, as declared by its {@value #EXTENSION} extension. */
    public static List<String> declaredScopes(AnnotatedElement method) {
        if (method == null) {
            return List.of();
        }
        return Arrays.stream(method.getAnnotationsByType(Extension.class))
                .filter(extension -> EXTENSION.equals(extension.name()))
                .flatMap(extension -> Arrays.stream(extension.value().trim().split("\\s+")))
                .filter(scope -> !scope.isEmpty())
                .toList();
    }

    private static boolean isPartner(SecurityIdentity identity) {
        return !identity.isAnonymous() && identity.hasRole(Roles.PARTNER) && !identity.hasRole(Roles.ADMIN);
    }

    private static Set<String> granted(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? Caller.scopesOf(jwt) : Set.of();
    }
}
