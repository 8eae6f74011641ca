package live.harvest.platform.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "harvest.consumer")
public interface ConsumerConfig {

    /** First pause after a transient failure; each further failure of the same record doubles it. */
    @WithDefault("100ms")
    Duration retryInitialDelay();

    /** Longest pause between two tries of the same record. Retries never stop: a transient record is never dead-lettered. */
    @WithDefault("30s")
    Duration retryMaxDelay();
}
