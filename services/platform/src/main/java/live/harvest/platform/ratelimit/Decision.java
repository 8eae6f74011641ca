package live.harvest.platform.ratelimit;

/**
 * What the limiter said about one request: allowed or not, what is left of the quota, when to retry and when the
 * whole quota is back. Renders the draft-ietf-httpapi-ratelimit-headers fields ({@code RateLimit-Policy},
 * {@code RateLimit}) and {@code Retry-After}, all in whole seconds rounded up.
 */
public record Decision(String routeClass, RateLimitConfig.Policy policy, boolean allowed, long remaining,
                       long retryAfterMillis, long resetMillis) {

    public String policyHeader() {
        return "\"" + routeClass + "\";q=" + policy.limit() + ";w=" + Math.max(1, policy.window().toSeconds());
    }

    public String rateLimitHeader() {
        return "\"" + routeClass + "\";r=" + remaining + ";t=" + seconds(resetMillis);
    }

    public String retryAfterHeader() {
        return Long.toString(Math.max(1, seconds(retryAfterMillis)));
    }

    private static long seconds(long millis) {
        return (Math.max(0, millis) + 999) / 1000;
    }
}
