package live.harvest.livestream.counter;

import java.time.Instant;
import java.util.UUID;

/**
 * A stream's counters as saved in PostgreSQL: what Redis needs to rebuild them. {@code uniqueHll} is Redis' own
 * encoding of the unique viewers' HyperLogLog (null when nobody watched yet); {@code at} is null when no checkpoint
 * was written yet (a new stream starts from zeros).
 */
record Checkpoint(UUID streamId, long likes, long peakViewers, long uniqueViewers, byte[] uniqueHll, Instant at) {

    static Checkpoint none(UUID streamId) {
        return new Checkpoint(streamId, 0, 0, 0, null, null);
    }
}
