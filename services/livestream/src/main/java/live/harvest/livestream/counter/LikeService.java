package live.harvest.livestream.counter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import live.harvest.livestream.counter.LikeDtos.LikesView;
import live.harvest.livestream.counter.StreamLikes.Outcome;
import live.harvest.livestream.stream.Stream;
import live.harvest.livestream.stream.StreamAccess;
import live.harvest.livestream.stream.StreamRepository;
import live.harvest.platform.problem.DomainException;

import java.util.UUID;

/**
 * A like counts once per signed-in viewer per stream (ADR 0015): it is recorded in {@link StreamLikes} first, and
 * only a new record raises the count. Liking again is no error and no toggle: it answers the count with
 * {@code counted: false}.
 */
@ApplicationScoped
public class LikeService {

    /** Fired when a like raised a stream's count, for the feed (above this package) to announce it. */
    public record LikeCounted(UUID streamId) {
    }

    private final StreamRepository streams;
    private final StreamLikes likes;
    private final Counters counters;
    private final StreamAccess access;
    private final Event<LikeCounted> counted;

    public LikeService(StreamRepository streams, StreamLikes likes, Counters counters, StreamAccess access,
                       Event<LikeCounted> counted) {
        this.streams = streams;
        this.likes = likes;
        this.counters = counters;
        this.access = access;
        this.counted = counted;
    }

    public LikesView like(UUID streamId) {
        Stream stream = streams.require(streamId);
        if (!stream.isLive()) {
            throw notLive();
        }
        Outcome outcome = likes.record(streamId, viewer());
        if (outcome instanceof Outcome.Recorded recorded) {
            return counted(streamId, recorded.seq());
        }
        if (outcome instanceof Outcome.AlreadyLiked) {
            return new LikesView(streamId, counters.live(streamId).likes(), false);
        }
        throw notLive(); // it ended since the check above
    }

    private LikesView counted(UUID streamId, long seq) {
        long now = counters.like(streamId, seq).orElseThrow(LikeService::notLive);
        counted.fire(new LikeCounted(streamId));
        return new LikesView(streamId, now, true);
    }

    /** The same key the feed counts a signed-in viewer under. */
    private String viewer() {
        return "sub:" + access.signedInViewer();
    }

    private static DomainException notLive() {
        return DomainException.conflict("stream-not-live", "Likes are counted only while the stream is live");
    }
}
