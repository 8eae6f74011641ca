package live.harvest.integrations.webhook.ssrf;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a webhook URL may be called (SSRF, ADR 0022): {@code https} only (plain {@code http} only when
 * configured, for local tests), no user info, no fragment, no internal host name, and every address the host
 * resolves to public ({@link AddressRules}). Hosts on the allowlist skip the address rules (local tests only). It
 * runs at registration and again before every delivery attempt, so a name that was re-pointed to an internal
 * address since (DNS rebinding) is refused then.
 */
public final class UrlGuard {

    /** Resolves a host name to all its addresses (the JDK resolver in production, a table in unit tests). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A URL that passed, with the addresses it was checked against. */
    public record Target(URI uri, List<InetAddress> addresses) {
    }

    private final boolean allowHttp;
    private final Set<String> allowedHosts;
    private final Resolver resolver;

    public UrlGuard(boolean allowHttp, Set<String> allowedHosts, Resolver resolver) {
        this.allowHttp = allowHttp;
        this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.resolver = resolver;
    }

    /** Checks {@code url}; throws with the reason when it may not be called. */
    public Target check(String url) throws RefusedUrlException {
        URI uri = parse(url);
        String host = bareHost(uri);
        if (allowedHosts.contains(host)) {
            return new Target(uri, List.of());
        }
        Optional<String> badName = AddressRules.refusalOfName(host);
        if (badName.isPresent()) {
            throw new RefusedUrlException(badName.get());
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new RefusedUrlException("the host " + host + " does not resolve");
        }
        if (addresses.length == 0) {
            throw new RefusedUrlException("the host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> why = AddressRules.refusalOf(address);
            if (why.isPresent()) {
                throw new RefusedUrlException("the host " + host + " resolves to " + address.getHostAddress()
                        + ", which is " + why.get());
            }
        }
        return new Target(uri, List.of(addresses));
    }

    private URI parse(String url) throws RefusedUrlException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new RefusedUrlException("not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new RefusedUrlException(allowHttp ? "the URL must be https or http" : "the URL must be https");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new RefusedUrlException("the URL has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedUrlException("the URL may not carry user info");
        }
        if (uri.getRawFragment() != null) {
            throw new RefusedUrlException("the URL may not carry a fragment");
        }
        return uri;
    }

    private static String bareHost(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
