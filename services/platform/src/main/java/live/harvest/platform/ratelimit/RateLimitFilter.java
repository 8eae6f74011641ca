package live.harvest.platform.ratelimit;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import live.harvest.platform.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per caller and per route class limits on every service's REST resources (ADR 0020). The caller is the verified
 * token's subject, or the client address when there is no token (a bad token is counted by address too, so a
 * flood of forged calls is limited before its signatures are checked). Health, metrics and OpenAPI are not JAX-RS
 * resources and are never limited. If Redis cannot answer, the request passes: a missing limiter may let a burst
 * through, it must never stop a sale.
 */
@ApplicationScoped
public class RateLimitFilter {

    static final String DECISION = RateLimitFilter.class.getName() + ".decision";
    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class);

    private final RateLimitConfig config;
    private final RedisRateLimiter limiter;
    private final Map<Method, Optional<String>> marked = new ConcurrentHashMap<>();

    public RateLimitFilter(RateLimitConfig config, RedisRateLimiter limiter) {
        this.config = config;
        this.limiter = limiter;
    }

    @ServerRequestFilter
    public Uni<Void> limit(ContainerRequestContext request, ResourceInfo resource, RoutingContext routing) {
        if (!config.enabled() || resource.getResourceMethod() == null) {
            return Uni.createFrom().voidItem();
        }
        Optional<String> routeClass = marked.computeIfAbsent(resource.getResourceMethod(),
                method -> routeClassOf(method, resource.getResourceClass()));
        // Authentication is lazy (quarkus.http.auth.proactive=false): this verifies the token once for the request
        return QuarkusHttpUser.getSecurityIdentity(routing, null)
                .onFailure().recoverWithNull()
                .chain(identity -> {
                    String cls = routeClass.orElse(isPartner(identity) ? "partner" : null);
                    RateLimitConfig.Policy policy = cls == null ? null : config.policies().get(cls);
                    if (policy == null) {
                        return Uni.createFrom().voidItem();
                    }
                    String key = config.keyPrefix() + cls + ":" + callerOf(identity, routing.request());
                    return limiter.take(key, cls, policy)
                            .onFailure().invoke(e -> LOG.warnf("Rate limiter unavailable, request let through: %s",
                                    e.getMessage()))
                            .onFailure().recoverWithNull()
                            .invoke(decision -> remember(request, decision))
                            .replaceWithVoid();
                });
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof Decision decision && decision.allowed()) {
            response.getHeaders().putSingle("RateLimit-Policy", decision.policyHeader());
            response.getHeaders().putSingle("RateLimit", decision.rateLimitHeader());
        }
    }

    private static void remember(ContainerRequestContext request, Decision decision) {
        if (decision == null) {
            return;
        }
        if (!decision.allowed()) {
            throw new RateLimitExceeded(decision);
        }
        request.setProperty(DECISION, decision);
    }

    private static Optional<String> routeClassOf(Method method, Class<?> type) {
        RateLimited onMethod = method.getAnnotation(RateLimited.class);
        RateLimited onType = type == null ? null : type.getAnnotation(RateLimited.class);
        return Optional.ofNullable(onMethod != null ? onMethod : onType).map(RateLimited::value);
    }

    private static boolean isPartner(SecurityIdentity identity) {
        return identity != null && !identity.isAnonymous() && identity.hasRole(Roles.PARTNER);
    }

    private static String callerOf(SecurityIdentity identity, HttpServerRequest http) {
        if (identity != null && !identity.isAnonymous()) {
            // The subject, not the principal name: usernames may repeat across clients, subjects never do
            return "sub:" + (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                    ? jwt.getSubject() : identity.getPrincipal().getName());
        }
        return "ip:" + (http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
    }
}
