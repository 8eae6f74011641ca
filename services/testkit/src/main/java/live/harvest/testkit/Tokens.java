package live.harvest.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import live.harvest.platform.security.Caller;
import live.harvest.platform.security.Roles;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Mints bearer tokens for tests, signed with the test key the services trust under the test profile. */
public final class Tokens {

    public static final String ISSUER = "https://harvest.live/local";
    private static final PrivateKey KEY = load("harvest-test-keys/privateKey.pem");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrivateKey STRANGER_KEY = load("harvest-test-keys/strangerPrivateKey.pem");

    private Tokens() {
    }

    public static String consumer(UUID buyerId) {
        return sign(base(buyerId, Roles.CONSUMER), KEY);
    }

    public static String seller(UUID sellerId) {
        return sign(base(sellerId, Roles.SELLER).claim(Caller.SELLER_ID, sellerId.toString()), KEY);
    }

    public static String operator(String... siteCodes) {
        return sign(base(UUID.randomUUID(), Roles.OPERATOR).claim(Caller.SITES, List.of(siteCodes)), KEY);
    }

    public static String partner(String... scopes) {
        return sign(base(UUID.randomUUID(), Roles.PARTNER).claim(Caller.SCOPE, String.join(" ", scopes)), KEY);
    }

    /** Another of our services calling as itself ({@code clientId} e.g. {@code harvest-orders}). */
    public static String service(String clientId) {
        return sign(base(UUID.randomUUID(), Roles.SERVICE).claim(Caller.CLIENT_ID, clientId), KEY);
    }

    public static String admin() {
        return sign(base(UUID.randomUUID(), Roles.ADMIN), KEY);
    }

    /** A token for any role whose lifetime ended a minute ago. */
    public static String expired(String role) {
        JwtClaimsBuilder claims = base(UUID.randomUUID(), role)
                .issuedAt(Instant.now().minusSeconds(3600)).expiresAt(Instant.now().minusSeconds(60));
        return sign(claims, KEY);
    }

    /** A well-formed token signed by a key the services do not trust. */
    public static String signedByStranger(String role) {
        return sign(base(UUID.randomUUID(), role), STRANGER_KEY);
    }

    /**
     * The claims of a bearer token as a stub of another service receives it ({@code Authorization} header value),
     * without verifying it: for asserting WHO called (e.g. {@code azp} is {@code harvest-orders}, not the buyer).
     */
    public static JsonNode claimsOf(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return JSON.createObjectNode();
        }
        try {
            String[] parts = authorization.substring("Bearer ".length()).split("\\.");
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (Exception unreadable) {
            return JSON.createObjectNode();
        }
    }

    /** True when the header carries a service's own token (role {@code service}) issued to {@code clientId}. */
    public static boolean isServiceToken(String authorization, String clientId) {
        JsonNode claims = claimsOf(authorization);
        boolean service = false;
        for (JsonNode group : claims.path("groups")) {
            service |= Roles.SERVICE.equals(group.asText());
        }
        return service && clientId.equals(claims.path(Caller.CLIENT_ID).asText());
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static JwtClaimsBuilder base(UUID subject, String role) {
        return Jwt.issuer(ISSUER).subject(subject.toString()).upn("test-" + role).groups(role)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(3600));
    }

    private static String sign(JwtClaimsBuilder claims, PrivateKey key) {
        // smallrye-jwt-build looks its configuration up through the context class loader; after Quarkus restarts the
        // application for a @TestProfile that loader is the new application's, which cannot see this class's config.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Tokens.class.getClassLoader());
        try {
            return claims.jws().keyId("test").sign(key);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static PrivateKey load(String resource) {
        try {
            return KeyUtils.readPrivateKey(resource);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read test key " + resource, e);
        }
    }
}
