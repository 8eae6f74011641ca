package live.harvest.livestream.counter;

import jakarta.enterprise.context.ApplicationScoped;
import live.harvest.livestream.feed.Coalescer;
import live.harvest.livestream.stream.Stream;
import live.harvest.livestream.stream.StreamRepository;
import live.harvest.platform.problem.DomainException;

import java.util.UUID;

@ApplicationScoped
public class LikeService {

    public record Likes(UUID streamId, long likes) {
    }

    private final StreamRepository streams;
    private final Counters counters;
    private final Coalescer coalescer;

    public LikeService(StreamRepository streams, Counters counters, Coalescer coalescer) {
        this.streams = streams;
        this.counters = counters;
        this.coalescer = coalescer;
    }

    public Likes like(UUID streamId) {
        Stream stream = streams.require(streamId);
        if (!stream.isLive()) {
            throw notLive();
        }
        long likes = counters.like(streamId).orElseThrow(LikeService::notLive);
        coalescer.likesChanged(streamId);
        return new Likes(streamId, likes);
    }

    private static DomainException notLive() {
        return DomainException.conflict("stream-not-live", "Likes are counted only while the stream is live");
    }
}
