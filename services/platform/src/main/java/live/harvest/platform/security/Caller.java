package live.harvest.platform.security;

import jakarta.enterprise.context.RequestScoped;
import live.harvest.platform.problem.DomainException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who is calling, read from the verified bearer token. Claims: {@code sub} (a UUID), {@code groups} (roles),
 * {@code seller_id} for sellers, {@code sites} (logistics site codes) for operators, {@code scope} for partners.
 */
@RequestScoped
public class Caller {

    public static final String SELLER_ID = "seller_id";
    public static final String SITES = "sites";
    public static final String SCOPE = "scope";
    /** The OAuth2 client the token was issued to: the calling service or partner. */
    public static final String CLIENT_ID = "azp";

    private final JsonWebToken jwt;

    public Caller(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    public UUID id() {
        return parseUuid(jwt.getSubject(), "sub");
    }

    public boolean is(String role) {
        // Anonymous callers of public endpoints have no token, hence no groups.
        Set<String> groups = jwt.getGroups();
        return groups != null && groups.contains(role);
    }

    /** The seller this caller acts as: the {@code seller_id} of a seller token; empty for anyone else, anonymous too. */
    public Optional<UUID> sellerId() {
        if (!is(Roles.SELLER)) {
            return Optional.empty();
        }
        String claim = jwt.getClaim(SELLER_ID);
        return Optional.ofNullable(claim).map(v -> parseUuid(v, SELLER_ID));
    }

    /** The seller this caller acts as, or 403 when the token names none. */
    public UUID requireSellerId() {
        return sellerId().orElseThrow(() -> DomainException.forbidden("The token carries no seller_id claim"));
    }

    public Set<String> sites() {
        Object claim = jwt.getClaim(SITES);
        if (claim instanceof Collection<?> values) {
            return values.stream().map(Caller::unquote).collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }

    /** The OAuth2 client the token was issued to ({@code azp}): a partner's or a service's client id; empty if none. */
    public Optional<String> clientId() {
        Object claim = jwt.getClaim(CLIENT_ID);
        return claim == null ? Optional.empty() : Optional.of(unquote(claim)).filter(id -> !id.isBlank());
    }

    public Set<String> scopes() {
        return scopesOf(jwt);
    }

    /** The space-separated {@code scope} claim of a token as a set (empty when absent). */
    static Set<String> scopesOf(JsonWebToken token) {
        Object claim = token.getClaim(SCOPE);
        String scope = claim == null ? "" : unquote(claim).trim();
        return scope.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(scope.split("\\s+")));
    }

    private static String unquote(Object value) {
        // JSON-P strings print with quotes; plain strings do not.
        String text = value.toString();
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1) : text;
    }

    private static UUID parseUuid(String value, String claim) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw DomainException.forbidden("Claim " + claim + " is not a UUID");
        }
    }
}
