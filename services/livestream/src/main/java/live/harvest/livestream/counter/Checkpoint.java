package live.harvest.livestream.counter;

import java.time.Instant;
import java.util.UUID;

/**
 * A stream's counters as saved in PostgreSQL: what Redis needs to rebuild them. {@code uniqueHll} is Redis' own
 * encoding of the unique viewers' HyperLogLog (null when nobody watched yet); {@code at} is null when no checkpoint
 * was written yet (a new stream starts from zeros). {@code likedSeq}, read with {@code likes} when restoring, is the
 * last {@code stream_like.seq} the likes include (0 when saving: it is not checkpointed, the table is the truth).
 */
record Checkpoint(UUID streamId, long likes, long peakViewers, long uniqueViewers, byte[] uniqueHll, Instant at,
                  long likedSeq) {

    Checkpoint(UUID streamId, long likes, long peakViewers, long uniqueViewers, byte[] uniqueHll, Instant at) {
        this(streamId, likes, peakViewers, uniqueViewers, uniqueHll, at, 0);
    }
}
