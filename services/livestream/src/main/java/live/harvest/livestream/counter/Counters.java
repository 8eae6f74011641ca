package live.harvest.livestream.counter;

import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import live.harvest.livestream.config.LivestreamConfig;

import java.util.List;
import java.util.UUID;

/**
 * Viewer and like counters of a stream, kept in Redis (keys {@code live:stream:<id>:...}) while it runs and
 * copied to PostgreSQL when it ends. Current viewers is a plain counter of open feed connections; unique viewers a
 * HyperLogLog of viewer ids (about 0.8% error, 12 KB per stream whatever the audience).
 */
@ApplicationScoped
public class Counters {

    /** Increments the current count and raises the peak in one step. */
    private static final String JOIN = """
            local n = redis.call('INCR', KEYS[1])
            if n > tonumber(redis.call('GET', KEYS[2]) or '0') then redis.call('SET', KEYS[2], n) end
            return n""";
    /** Never below zero, even if a leave arrives after the counter was retired. */
    private static final String LEAVE = """
            local n = tonumber(redis.call('GET', KEYS[1]) or '0')
            if n > 0 then return redis.call('DECR', KEYS[1]) end
            return 0""";

    public record Live(long currentViewers, long uniqueViewers, long likes) {
    }

    public record Summary(long peakViewers, long uniqueViewers, long likes) {
    }

    /** Fired when a stream ended; keys are given an expiry once that transaction committed. */
    public record Retired(UUID streamId) {
    }

    private final RedisDataSource redis;
    private final LivestreamConfig config;
    private final Event<Retired> retired;

    public Counters(RedisDataSource redis, LivestreamConfig config, Event<Retired> retired) {
        this.redis = redis;
        this.config = config;
        this.retired = retired;
    }

    public void viewerJoined(UUID streamId, String viewerId) {
        redis.execute("EVAL", JOIN, "2", key(streamId, "viewers"), key(streamId, "peak"));
        redis.hyperloglog(String.class).pfadd(key(streamId, "unique"), viewerId);
    }

    public void viewerLeft(UUID streamId) {
        redis.execute("EVAL", LEAVE, "1", key(streamId, "viewers"));
    }

    public long like(UUID streamId) {
        return redis.value(Long.class).incr(key(streamId, "likes"));
    }

    public Live live(UUID streamId) {
        return new Live(number(key(streamId, "viewers")), unique(streamId), number(key(streamId, "likes")));
    }

    public Summary summary(UUID streamId) {
        return new Summary(number(key(streamId, "peak")), unique(streamId), number(key(streamId, "likes")));
    }

    public void retireAfterCommit(UUID streamId) {
        retired.fire(new Retired(streamId));
    }

    void onRetired(@Observes(during = TransactionPhase.AFTER_SUCCESS) Retired event) {
        for (String name : List.of("viewers", "peak", "unique", "likes")) {
            redis.key().expire(key(event.streamId(), name), config.counters().retainAfterEnd());
        }
    }

    private long unique(UUID streamId) {
        return redis.hyperloglog(String.class).pfcount(key(streamId, "unique"));
    }

    private long number(String key) {
        Long value = redis.value(Long.class).get(key);
        return value == null ? 0 : value;
    }

    static String key(UUID streamId, String name) {
        return "live:stream:" + streamId + ":" + name;
    }
}
