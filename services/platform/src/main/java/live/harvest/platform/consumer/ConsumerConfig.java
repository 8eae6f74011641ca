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

    /**
     * How often a batch (a channel with {@code batch=true}) is tried in one transaction while it fails transiently;
     * after that its records are applied one by one, each retried on its own without end. A failure that keeps
     * recurring may be the batch's own doing (a lock one record waits for, the transaction timeout on a slow machine):
     * one by one, the records before it commit and only the stuck one waits.
     */
    @WithDefault("3")
    int batchTries();
}
