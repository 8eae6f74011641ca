package live.harvest.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "harvest.outbox")
public interface OutboxConfig {

    /** Whether this instance relays outbox rows to Kafka. Several instances may; only one relays at a time. */
    @WithDefault("true")
    boolean relayEnabled();

    /** Pause between two looks at the outbox when it was empty. */
    @WithDefault("50ms")
    Duration pollInterval();

    /** Most rows published per relay transaction. */
    @WithDefault("500")
    int batchSize();

    /** How long to wait for the broker to acknowledge a batch before giving up and retrying it. */
    @WithDefault("30s")
    Duration ackTimeout();
}
