package live.harvest.livestream.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * livestream's own settings, {@code harvest.livestream.*}; each can be overridden by its environment variable
 * ({@code HARVEST_LIVESTREAM_FEED_KEEP_ALIVE}). Catalog's address and timeouts are REST client keys in
 * application.properties.
 */
@ConfigMapping(prefix = "harvest.livestream")
public interface LivestreamConfig {

    Feed feed();

    Counters counters();

    Offers offers();

    Viewers viewers();

    interface Feed {

        /** How often coalesced updates (remaining stock, viewers, likes) are flushed: 250ms means at most 4 a second. */
        @WithDefault("250ms")
        Duration coalesceInterval();

        /**
         * How long after orders' last stock hint of an offer the order events' stock figures wait (ADR 0028): while
         * hints flow they are fresher than the order events. Above orders' confirm period
         * ({@code harvest.orders.stock-hints.confirm-every}); when hints stop, the order events' figures show again.
         */
        @WithDefault("2s")
        Duration hintLease();

        /** Interval of SSE comment lines that keep idle connections open and reveal dead ones. */
        @WithDefault("15s")
        Duration keepAlive();
    }

    interface Viewers {

        /**
         * Key of the HMAC that signs the anonymous viewer ids the feed issues (AnonymousViewerIds). Every instance
         * must share it; changing it makes earlier ids count as new viewers once more. Production sets
         * VIEWER_ID_SECRET.
         */
        String idSecret();
    }

    interface Offers {

        /** How often offers past their end time are looked for and closed (read by the OfferExpiry schedule). */
        @WithDefault("1s")
        String expiryCheck();
    }

    interface Counters {

        /** How long Redis keeps a stream's counters after it ended (they are copied to PostgreSQL at the end). */
        @WithDefault("P1D")
        Duration retainAfterEnd();

        /**
         * How often running streams' changed counters are checkpointed to PostgreSQL and this instance's viewers
         * re-asserted in Redis (read by the CounterCheckpointJob schedule). It bounds what losing Redis can take back:
         * the first-time viewers and a new peak of the last interval. Also LIVESTREAM_COUNTERS_CHECKPOINT_INTERVAL.
         */
        @WithDefault("1s")
        String checkpointInterval();
    }
}
