package live.harvest.livestream.counter;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The feed connections this instance holds open, per stream: the one figure only this instance knows, so it is the
 * one it writes back to Redis after a loss. A stream stays listed at zero until that zero was written too
 * ({@link #forgetIfNone}), so a last leave that raced with a write of the old count is corrected.
 */
final class LocalViewers {

    private final Map<UUID, Long> open = new ConcurrentHashMap<>();

    void joined(UUID streamId) {
        open.merge(streamId, 1L, Long::sum);
    }

    void left(UUID streamId) {
        open.computeIfPresent(streamId, (id, n) -> Math.max(0, n - 1));
    }

    long of(UUID streamId) {
        return open.getOrDefault(streamId, 0L);
    }

    Map<UUID, Long> snapshot() {
        return Map.copyOf(open);
    }

    /** Drops a stream whose zero was written to Redis, unless a viewer joined since. */
    void forgetIfNone(UUID streamId) {
        open.remove(streamId, 0L);
    }
}
