package live.harvest.logistics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Logistics' own settings (docs/logistics.md); every key can be overridden by its environment variable. */
@ConfigMapping(prefix = "harvest.logistics")
public interface LogisticsConfig {

    /** How long a parcel may sit in one state at a station before the queue flags it as overdue. */
    @WithDefault("PT24H")
    Duration overdueAfter();
}
