package live.harvest.livestream.counter;

import jakarta.enterprise.context.ApplicationScoped;
import live.harvest.livestream.counter.StreamLikes.Outcome;
import live.harvest.livestream.feed.Coalescer;
import live.harvest.livestream.stream.Stream;
import live.harvest.livestream.stream.StreamRepository;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.security.Caller;

import java.util.UUID;

/**
 * A like counts once per signed-in viewer per stream (ADR 0015): it is recorded in {@link StreamLikes} first, and
 * only a new record raises the count. Liking again is no error and no toggle: it answers the count with
 * {@code counted: false}.
 */
@ApplicationScoped
public class LikeService {

    /** {@code counted}: whether this call added a like (false when the caller had liked the stream already). */
    public record Likes(UUID streamId, long likes, boolean counted) {
    }

    private final StreamRepository streams;
    private final StreamLikes likes;
    private final Counters counters;
    private final Coalescer coalescer;
    private final Caller caller;

    public LikeService(StreamRepository streams, StreamLikes likes, Counters counters, Coalescer coalescer,
                       Caller caller) {
        this.streams = streams;
        this.likes = likes;
        this.counters = counters;
        this.coalescer = coalescer;
        this.caller = caller;
    }

    public Likes like(UUID streamId) {
        Stream stream = streams.require(streamId);
        if (!stream.isLive()) {
            throw notLive();
        }
        Outcome outcome = likes.record(streamId, viewer());
        if (outcome instanceof Outcome.Recorded recorded) {
            return counted(streamId, recorded.seq());
        }
        if (outcome instanceof Outcome.AlreadyLiked) {
            return new Likes(streamId, counters.live(streamId).likes(), false);
        }
        throw notLive(); // it ended since the check above
    }

    private Likes counted(UUID streamId, long seq) {
        long now = counters.like(streamId, seq).orElseThrow(LikeService::notLive);
        coalescer.likesChanged(streamId);
        return new Likes(streamId, now, true);
    }

    /** The same key the feed counts a signed-in viewer under. */
    private String viewer() {
        return "sub:" + caller.id();
    }

    private static DomainException notLive() {
        return DomainException.conflict("stream-not-live", "Likes are counted only while the stream is live");
    }
}
