package live.harvest.livestream.feed;

import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import live.harvest.livestream.config.LivestreamConfig;
import live.harvest.livestream.stream.FeedNotice;
import live.harvest.platform.event.EventCodec;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Puts an offer's stock on the feed only when it is newer than what the feed shows (ADR 0028). Two sources offer
 * figures: orders' pool hints (ordered by their version, ahead of the orders) and the order events (ordered by the
 * offer's stock version, the authority but later). One script per figure, atomic with the numbering, keeps per offer
 * the figure shown and the newest version of each source, so every instance may try and none shows an older figure
 * or the same one twice. While hints flow (one within the hint lease) the order events' figures wait: they are older
 * than the pool's. Stock 0 is followed by sold-out.
 */
@ApplicationScoped
public class StockFeed {

    public enum Source { HINT, ORDERS }

    /** SHOWN: published; STALE: nothing newer to show; DEFERRED: an order events' figure while hints flow. */
    public enum Outcome { SHOWN, STALE, DEFERRED }

    /** The last feed event id and the stock each offer showed up to it, read together. */
    public record Mark(long lastId, Map<UUID, Integer> shown) {
    }

    /** A remaining below zero records a closed pool's hint (its version) without showing anything. */
    static final int CLOSED = -1;

    // KEYS[1] the stream's sequence, KEYS[2] its shown stock {<offer>:left, :hint, :hintAt, :orders}
    // ARGV[1] channel, [2] offer, [3] source, [4] version, [5] remaining, [6] hint lease (ms),
    // [7] stock type, [8] stock JSON, [9] sold-out type, [10] sold-out JSON
    private static final String SHOW = FeedHub.NUMBERING + """
            local offer, version = ARGV[2], tonumber(ARGV[4])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            if ARGV[3] == 'HINT' then
              if version <= tonumber(redis.call('HGET', KEYS[2], offer .. ':hint') or '0') then
                return 'STALE'
              end
              redis.call('HSET', KEYS[2], offer .. ':hint', ARGV[4], offer .. ':hintAt', now)
            else
              if version <= tonumber(redis.call('HGET', KEYS[2], offer .. ':orders') or '-1') then
                return 'STALE'
              end
              local hintAt = redis.call('HGET', KEYS[2], offer .. ':hintAt')
              if hintAt and now - tonumber(hintAt) < tonumber(ARGV[6]) then
                return 'DEFERRED'
              end
              redis.call('HSET', KEYS[2], offer .. ':orders', ARGV[4])
            end
            if tonumber(ARGV[5]) < 0 or redis.call('HGET', KEYS[2], offer .. ':left') == ARGV[5] then
              return 'STALE'
            end
            redis.call('HSET', KEYS[2], offer .. ':left', ARGV[5])
            publish(KEYS[1], ARGV[1], ARGV[7], ARGV[8])
            if ARGV[5] == '0' then
              publish(KEYS[1], ARGV[1], ARGV[9], ARGV[10])
            end
            return 'SHOWN'""";

    // KEYS[1] the stream's sequence, KEYS[2] its shown stock
    private static final String MARK = "return {redis.call('GET', KEYS[1]) or '0', redis.call('HGETALL', KEYS[2])}";
    private static final String LEFT = ":left";

    private final RedisDataSource redis;
    private final EventCodec codec;
    private final LivestreamConfig config;

    public StockFeed(RedisDataSource redis, EventCodec codec, LivestreamConfig config) {
        this.redis = redis;
        this.codec = codec;
        this.config = config;
    }

    /** Shows {@code remaining} for the offer if {@code version} is the newest of its source and the figure is news. */
    public Outcome show(UUID streamId, UUID offerId, Source source, long version, int remaining) {
        String stock = codec.toJson(Map.of("offerId", offerId, "remaining", remaining, "at", Instant.now()));
        String soldOut = codec.toJson(Map.of("offerId", offerId));
        Response outcome = redis.execute("EVAL", SHOW, "2", FeedHub.sequenceKey(streamId), FeedHub.stockKey(streamId),
                FeedHub.channel(streamId), offerId.toString(), source.name(), Long.toString(version),
                Integer.toString(remaining), Long.toString(config.feed().hintLease().toMillis()),
                FeedNotice.STOCK, stock, FeedNotice.SOLD_OUT, soldOut);
        return Outcome.valueOf(outcome.toString());
    }

    /** The id a snapshot carries and the stock the feed showed each offer up to it (a snapshot must not show less). */
    public Mark mark(UUID streamId) {
        Response read = redis.execute("EVAL", MARK, "2", FeedHub.sequenceKey(streamId), FeedHub.stockKey(streamId));
        Map<UUID, Integer> shown = new HashMap<>();
        Response fields = read.get(1);
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            String field = fields.get(i).toString();
            if (field.endsWith(LEFT)) {
                shown.put(UUID.fromString(field.substring(0, field.length() - LEFT.length())),
                        fields.get(i + 1).toInteger());
            }
        }
        return new Mark(Long.parseLong(read.get(0).toString()), shown);
    }
}
