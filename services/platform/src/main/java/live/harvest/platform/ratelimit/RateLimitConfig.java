package live.harvest.platform.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** Per-caller limits per route class, shared by every instance through Redis (ADR 0020). */
@ConfigMapping(prefix = "harvest.rate-limit")
public interface RateLimitConfig {

    /** Off only for a benchmark's "without the limiter" run. */
    @WithDefault("true")
    boolean enabled();

    /** Redis key prefix; keys are {@code <prefix><class>:<caller>}. */
    @WithDefault("harvest:rl:")
    String keyPrefix();

    /** The limit of each route class; a class without a policy is not limited. */
    Map<String, Policy> policies();

    interface Policy {
        /** Requests one caller may make per window; also the largest burst. */
        int limit();

        /** The window the limit is counted over. */
        Duration window();
    }
}
