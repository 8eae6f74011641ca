package live.harvest.livestream.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "livestream")
public interface LivestreamConfig {

    Feed feed();

    Counters counters();

    interface Feed {

        /** How often coalesced updates (remaining stock, viewers, likes) are flushed: 250ms means at most 4 a second. */
        @WithDefault("250ms")
        Duration coalesceInterval();

        /** Interval of SSE comment lines that keep idle connections open and reveal dead ones. */
        @WithDefault("15s")
        Duration keepAlive();
    }

    interface Counters {

        /** How long Redis keeps a stream's counters after it ended (they are copied to PostgreSQL at the end). */
        @WithDefault("P1D")
        Duration retainAfterEnd();
    }
}
