package live.harvest.platform.ratelimit;

import io.quarkus.redis.datasource.RedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Runs the GCRA script (resources/lua/rate-limit-gcra.lua) on the service's own Redis: one round trip per request,
 * non-blocking, by SHA1 so the text travels only after a Redis restart (NOSCRIPT). ADR 0020 says why this rather
 * than Bucket4j's Redis backends.
 */
@ApplicationScoped
public class RedisRateLimiter {

    private static final String SCRIPT = load();
    private static final String SHA = sha1(SCRIPT);

    // The blocking data source every service already injects, used through its reactive side: a second Redis bean
    // type (ReactiveRedisDataSource) made two startup initialisers race on the client registry (orders failed to
    // start once in the fault drills with a ConcurrentModificationException in RedisClientRecorder).
    private final RedisDataSource redis;

    public RedisRateLimiter(RedisDataSource redis) {
        this.redis = redis;
    }

    public Uni<Decision> take(String key, String routeClass, RateLimitConfig.Policy policy) {
        String limit = Integer.toString(policy.limit());
        String window = Long.toString(Math.max(1, policy.window().toMillis()));
        return redis.getReactive().execute("EVALSHA", SHA, "1", key, limit, window)
                .onFailure(RedisRateLimiter::scriptUnknown)
                .recoverWithUni(() -> redis.getReactive().execute("EVAL", SCRIPT, "1", key, limit, window))
                .map(reply -> decision(reply, routeClass, policy));
    }

    private static Decision decision(Response reply, String routeClass, RateLimitConfig.Policy policy) {
        return new Decision(routeClass, policy, reply.get(0).toLong() == 1, reply.get(1).toLong(),
                reply.get(2).toLong(), reply.get(3).toLong());
    }

    private static boolean scriptUnknown(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().contains("NOSCRIPT");
    }

    private static String load() {
        try (InputStream in = RedisRateLimiter.class.getResourceAsStream("/lua/rate-limit-gcra.lua")) {
            if (in == null) {
                throw new IllegalStateException("Missing /lua/rate-limit-gcra.lua");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
