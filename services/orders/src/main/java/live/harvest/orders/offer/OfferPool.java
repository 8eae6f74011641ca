package live.harvest.orders.offer;

import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import live.harvest.orders.redis.LuaScript;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The live stock of stream offers, in Redis. Every decision that must not race (reserve, give back, drain) is
 * one Lua script, so thousands of concurrent buyers are serialised by Redis itself and PostgreSQL is touched
 * only for the buys that succeed. Both keys of an offer share a hash tag, so they live in one cluster slot.
 */
@ApplicationScoped
public class OfferPool {

    public enum Outcome { RESERVED, UNKNOWN_OFFER, OFFER_CLOSED, BUYER_LIMIT_REACHED, SOLD_OUT }

    public record Reservation(Outcome outcome, long unitsLeft) {
    }

    public record Snapshot(String state, long unitsLeft, int perBuyerLimit, Instant endsAt) {
    }

    private static final LuaScript OPEN = LuaScript.load("open");
    private static final LuaScript RESERVE = LuaScript.load("reserve");
    private static final LuaScript RELEASE = LuaScript.load("release");
    private static final LuaScript RETAKE = LuaScript.load("retake");
    private static final LuaScript DRAIN = LuaScript.load("drain");

    /** The end of an offer that has no end time: it sells until closed. */
    public static final Instant OPEN_ENDED = Instant.parse("9999-12-31T00:00:00Z");

    private final RedisDataSource redis;

    public OfferPool(RedisDataSource redis) {
        this.redis = redis;
    }

    /** @return true if this call created the pool (false: it already existed). */
    public boolean open(UUID offerId, int quantity, int perBuyerLimit, Instant endsAt, Instant expireAt) {
        Response created = OPEN.run(redis, List.of(poolKey(offerId)), quantity, perBuyerLimit,
                endsAt.toEpochMilli(), expireAt.getEpochSecond());
        return created.toInteger() == 1;
    }

    public Reservation reserve(UUID offerId, UUID buyerId, int quantity) {
        Response answer = RESERVE.run(redis, keys(offerId), buyerId, quantity, System.currentTimeMillis());
        Outcome outcome = Outcome.valueOf(answer.get(0).toString().toUpperCase().replace('-', '_'));
        return new Reservation(outcome, answer.get(1).toLong());
    }

    /** @return true when the units went back into the open pool, false when it is drained (they belong to catalog). */
    public boolean release(UUID offerId, UUID buyerId, int quantity) {
        return RELEASE.run(redis, keys(offerId), buyerId, quantity).toInteger() == 1;
    }

    /** Takes back units released by a cancellation whose transaction then rolled back. */
    public void retake(UUID offerId, UUID buyerId, int quantity) {
        RETAKE.run(redis, keys(offerId), buyerId, quantity);
    }

    /** Closes the pool; returns the units it had left (the same on every repeat), empty if there is no pool. */
    public Optional<Integer> drain(UUID offerId) {
        int left = DRAIN.run(redis, List.of(poolKey(offerId))).toInteger();
        return left < 0 ? Optional.empty() : Optional.of(left);
    }

    public Optional<Snapshot> snapshot(UUID offerId) {
        Map<String, String> pool = redis.hash(String.class).hgetall(poolKey(offerId));
        if (pool == null || pool.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Snapshot(pool.get("state"), Long.parseLong(pool.get("left")),
                Integer.parseInt(pool.get("limit")), endsAt(Long.parseLong(pool.get("endsAt")))));
    }

    private static Instant endsAt(long epochMillis) {
        Instant endsAt = Instant.ofEpochMilli(epochMillis);
        return endsAt.isBefore(OPEN_ENDED) ? endsAt : null;
    }

    /** Units a buyer holds in an offer's pool (bought and not given back). */
    public int boughtBy(UUID offerId, UUID buyerId) {
        String bought = redis.hash(String.class).hget(buyersKey(offerId), buyerId.toString());
        return bought == null ? 0 : Integer.parseInt(bought);
    }

    static String poolKey(UUID offerId) {
        return "orders:offer:{" + offerId + "}:pool";
    }

    static String buyersKey(UUID offerId) {
        return "orders:offer:{" + offerId + "}:buyers";
    }

    private static List<String> keys(UUID offerId) {
        return List.of(poolKey(offerId), buyersKey(offerId));
    }
}
