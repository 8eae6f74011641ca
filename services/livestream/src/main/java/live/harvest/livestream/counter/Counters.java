package live.harvest.livestream.counter;

import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import live.harvest.livestream.config.LivestreamConfig;
import live.harvest.livestream.stream.Stream;
import live.harvest.livestream.stream.StreamStopping;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Viewer and like counters of a stream, kept in Redis (keys {@code live:stream:{<id>}:...}, see {@link CounterScripts})
 * while it runs, checkpointed to PostgreSQL about once a second ({@link CounterCheckpointJob}) and copied to the stream
 * row when it ends. Redis holds nothing PostgreSQL cannot rebuild: when a script finds the stream's marker missing
 * (Redis restarted, failed over or lost the keys), the counters are restored from the checkpoint before anything is
 * counted or read, so they never go back by more than what was counted since the last checkpoint (ADR 0012).
 * Current viewers is the sum of every instance's open feed connections; unique viewers a HyperLogLog of viewer ids
 * (about 0.8% error, 12 KB per stream whatever the audience).
 */
@ApplicationScoped
public class Counters {

    private static final Logger LOG = Logger.getLogger(Counters.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Restores in a row before giving up: more would mean Redis loses the keys as fast as they are written. */
    private static final int RESTORE_ATTEMPTS = 3;

    public record Live(long currentViewers, long uniqueViewers, long likes) {
    }

    public record Summary(long peakViewers, long uniqueViewers, long likes) {
    }

    /** Fired when a stream stopped counting; keys are given an expiry once that transaction committed. */
    public record Retired(UUID streamId) {
    }

    /** Fired when counters changed without a like, join or leave: restored, or this instance's viewers re-added. */
    public record Refreshed(UUID streamId) {
    }

    private final Redis redis;
    private final CounterCheckpoints checkpoints;
    private final StreamLikes likes;
    private final LivestreamConfig config;
    private final Event<Retired> retired;
    private final Event<Refreshed> refreshed;
    /** This instance's field in each stream's {@code watching} hash. */
    private final String instance = UUID.randomUUID().toString();
    private final LocalViewers local = new LocalViewers();
    /** Streams whose likes, peak or unique viewers may have changed since their last checkpoint. */
    private final Set<UUID> changed = ConcurrentHashMap.newKeySet();

    public Counters(Redis redis, CounterCheckpoints checkpoints, StreamLikes likes, LivestreamConfig config,
                    Event<Retired> retired, Event<Refreshed> refreshed) {
        this.redis = redis;
        this.checkpoints = checkpoints;
        this.likes = likes;
        this.config = config;
        this.retired = retired;
        this.refreshed = refreshed;
    }

    /** A feed connection opened; {@code viewerId} null when it is watched but not counted as a unique viewer. */
    public void viewerJoined(UUID streamId, String viewerId) {
        // Redis first, then the local count: a restore in between writes the local count without this viewer,
        // and the join then adds it once.
        if (counted(streamId, CounterScripts.JOIN, instance, viewerId == null ? "" : viewerId) != null) {
            local.joined(streamId);
            changed.add(streamId);
        }
    }

    public void viewerLeft(UUID streamId) {
        try {
            counted(streamId, CounterScripts.LEAVE, instance);
        } finally {
            local.left(streamId); // whatever Redis said: the next sync writes the right count
        }
    }

    /**
     * Counts a like already recorded in {@code stream_like} under {@code seq}; returns the likes after it, empty when
     * the stream no longer counts (it just ended).
     */
    public OptionalLong like(UUID streamId, long seq) {
        Response likes = counted(streamId, CounterScripts.LIKE, seq);
        if (likes == null) {
            return OptionalLong.empty();
        }
        changed.add(streamId);
        return OptionalLong.of(likes.toLong());
    }

    public Live live(UUID streamId) {
        Response read = counted(streamId, CounterScripts.READ, "0");
        return read == null ? new Live(0, 0, 0)
                : new Live(read.get(0).toLong(), read.get(1).toLong(), read.get(2).toLong());
    }

    public Summary summary(UUID streamId) {
        Response read = counted(streamId, CounterScripts.READ, "0");
        return read == null ? new Summary(0, 0, 0)
                : new Summary(read.get(3).toLong(), read.get(1).toLong(), read.get(2).toLong());
    }

    /**
     * The figures a stream ends with; call in the ending transaction. Likes are exact, counted from the likes themselves
     * whatever Redis lost or a restore raced with (ADR 0015).
     */
    Summary finalSummary(UUID streamId) {
        Summary live = summary(streamId);
        return new Summary(live.peakViewers(), live.uniqueViewers(), likes.count(streamId));
    }

    /** The stream stopped counting: its checkpoint goes (in the caller's transaction), its keys expire after commit. */
    void retire(UUID streamId) {
        checkpoints.forget(streamId);
        retired.fire(new Retired(streamId));
    }

    /**
     * A stream ends or is cancelled, in that transaction: an ending one takes its final figures onto its row, and
     * either stops counting.
     */
    void onStopping(@Observes StreamStopping stopping) {
        Stream stream = stopping.stream();
        if (stopping.ending()) {
            Summary last = finalSummary(stream.id);
            stream.recordCounters(last.peakViewers(), last.uniqueViewers(), last.likes());
        }
        retire(stream.id);
    }

    void onRetired(@Observes(during = TransactionPhase.AFTER_SUCCESS) Retired event) {
        eval(CounterScripts.RETIRE, event.streamId(), config.counters().retainAfterEnd().toSeconds());
    }

    /** Writes this instance's open connections of every stream it serves (after a loss: adds them back). */
    void syncLocalViewers() {
        local.snapshot().forEach((streamId, open) -> {
            try {
                Response synced = counted(streamId, CounterScripts.SYNC, instance, open);
                if (open == 0) {
                    local.forgetIfNone(streamId);
                }
                if (synced != null && synced.toLong() == 1) {
                    refreshed.fire(new Refreshed(streamId));
                }
            } catch (RuntimeException e) {
                LOG.warnf("Could not write this instance's viewers of stream %s, retrying on the next run: %s",
                        streamId, e.getMessage());
            }
        });
    }

    /** Takes the streams changed since the last call; give them back with {@link #changedAgain} if saving fails. */
    Set<UUID> takeChanged() {
        Set<UUID> taken = new HashSet<>();
        for (UUID streamId : changed) {
            if (changed.remove(streamId)) {
                taken.add(streamId);
            }
        }
        return taken;
    }

    void changedAgain(Collection<UUID> streamIds) {
        changed.addAll(streamIds);
    }

    /** The stream's counters as they are in Redis now; empty when it no longer counts. */
    Optional<Checkpoint> checkpointOf(UUID streamId) {
        Response read = counted(streamId, CounterScripts.READ, "1");
        if (read == null) {
            return Optional.empty();
        }
        byte[] hll = read.get(4).toBytes();
        return Optional.of(new Checkpoint(streamId, read.get(2).toLong(), read.get(3).toLong(),
                read.get(1).toLong(), hll.length == 0 ? null : hll, Instant.now()));
    }

    /** Runs a gated script, restoring the counters first if Redis lost them; null when the stream does not count. */
    private Response counted(UUID streamId, String script, Object... args) {
        for (int attempt = 0; attempt < RESTORE_ATTEMPTS; attempt++) {
            Response reply = eval(script, streamId, args);
            if (reply != null) {
                return reply;
            }
            Optional<Checkpoint> from = checkpoints.restorable(streamId);
            if (from.isEmpty()) {
                return null;
            }
            restore(from.get());
        }
        throw new IllegalStateException("Redis lost the counters of stream " + streamId + " again and again");
    }

    private void restore(Checkpoint from) {
        UUID streamId = from.streamId();
        Response restored = eval(CounterScripts.RESTORE, streamId, instance, local.of(streamId), from.likes(),
                from.peakViewers(), from.uniqueHll() == null ? "" : from.uniqueHll(), Instant.now(), from.likedSeq());
        if (restored.toLong() == 0) {
            return; // another caller or instance restored them first
        }
        if (from.at() != null) {
            LOG.warnf("Redis had lost the counters of stream %s; restored from the checkpoint of %s "
                    + "(likes %d, peak %d, unique %d)", streamId, from.at(), from.likes(), from.peakViewers(),
                    from.uniqueViewers());
        }
        changed.add(streamId);
        refreshed.fire(new Refreshed(streamId));
    }

    private Response eval(String script, UUID streamId, Object... args) {
        Request request = Request.cmd(Command.EVAL).arg(script).arg(CounterScripts.KEYS.size());
        CounterScripts.KEYS.forEach(name -> request.arg(key(streamId, name)));
        for (Object arg : args) {
            if (arg instanceof byte[] bytes) {
                request.arg(bytes); // the HyperLogLog: binary, must not go through a String
            } else {
                request.arg(String.valueOf(arg));
            }
        }
        return redis.send(request).await().atMost(TIMEOUT);
    }

    /**
     * The stream id is the hash tag: every script takes all of a stream's keys at once, and Redis Cluster runs a script
     * only when its keys share one slot. (Before the tag the keys were {@code live:stream:<id>:...}; a deploy that
     * brings the tag finds the new keys empty, and the marker's absence restores them from the checkpoint, ADR 0012.)
     */
    static String key(UUID streamId, String name) {
        return "live:stream:{" + streamId + "}:" + name;
    }
}
