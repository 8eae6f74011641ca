package live.harvest.platform.health;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** When {@link EventDeliveryHealth} calls event delivery degraded (it stays UP either way). */
@ConfigMapping(prefix = "harvest.delivery.degraded")
public interface DeliveryThresholds {

    /** The oldest unsent outbox row is older than this. */
    @WithDefault("30s")
    Duration outboxAge();

    /** A channel has more unprocessed records than this. */
    @WithDefault("1000")
    long consumerLag();
}
