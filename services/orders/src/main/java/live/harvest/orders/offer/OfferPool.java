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
 * Every change of a live pool is hinted to the live feed ({@link PoolStockHints}, ADR 0028).
 */
@ApplicationScoped
public class OfferPool {

    /**
     * {@code BUYER_LIMIT_PENDING}: the allowance is full only because of the buyer's own reservations still being
     * written (or held by a process that died, until the reconciler recounts): not a final answer yet.
     */
    public enum Outcome { RESERVED, UNKNOWN_OFFER, OFFER_CLOSED, BUYER_LIMIT_REACHED, BUYER_LIMIT_PENDING, SOLD_OUT }

    /** The outcome, the units left after it, and the pool generation it came from (see {@link PoolRebuild}). */
    public record Reservation(Outcome outcome, long unitsLeft, long epoch) {
    }

    public record Snapshot(String state, long unitsLeft, int perBuyerLimit, Instant endsAt) {
    }

    private static final LuaScript OPEN = LuaScript.load("open");
    private static final LuaScript RESERVE = LuaScript.load("reserve");
    private static final LuaScript RELEASE = LuaScript.load("release");
    private static final LuaScript RETAKE = LuaScript.load("retake");
    private static final LuaScript DRAIN = LuaScript.load("drain");
    private static final LuaScript SETTLE = LuaScript.load("settle");
    private static final LuaScript ABANDON = LuaScript.load("abandon");
    private static final LuaScript REBUILD = LuaScript.load("rebuild");

    /** The end of an offer that has no end time: it sells until closed. */
    public static final Instant OPEN_ENDED = Instant.parse("9999-12-31T00:00:00Z");

    private final RedisDataSource redis;
    private final PoolStockHints hints;

    public OfferPool(RedisDataSource redis, PoolStockHints hints) {
        this.redis = redis;
        this.hints = hints;
    }

    /** @return true if this call created the pool (false: it already existed). */
    public boolean open(UUID offerId, int quantity, int perBuyerLimit, Instant endsAt, Instant expireAt,
                        long epoch) {
        Response created = OPEN.run(redis, List.of(poolKey(offerId)), quantity, perBuyerLimit,
                endsAt.toEpochMilli(), expireAt.getEpochSecond(), epoch);
        return created.toInteger() == 1;
    }

    /** Reserves units for the order {@code orderId}, held until {@link #settle} or {@link #abandon}. */
    public Reservation reserve(UUID offerId, UUID orderId, UUID buyerId, int quantity, Instant holdUntil) {
        Response answer = RESERVE.run(redis, allKeys(offerId), buyerId, quantity, System.currentTimeMillis(),
                orderId, holdUntil.toEpochMilli());
        Outcome outcome = Outcome.valueOf(answer.get(0).toString().toUpperCase().replace('-', '_'));
        Reservation reservation = new Reservation(outcome, answer.get(1).toLong(), answer.get(2).toLong());
        if (outcome == Outcome.RESERVED) {
            hints.changed(offerId, reservation.unitsLeft() == 0);
        }
        return reservation;
    }

    /** The order committed: its reservation is sold, not held. */
    public void settle(UUID offerId, UUID orderId) {
        SETTLE.run(redis, settleKeys(offerId), orderId);
    }

    /** The order failed before committing: its units go back once (a no-op if a rebuild recounted the pool). */
    public boolean abandon(UUID offerId, UUID orderId) {
        return hinted(offerId, ABANDON.run(redis, allKeys(offerId), orderId).toInteger() == 1);
    }

    /** Replaces the pool with one counted from PostgreSQL (see {@link PoolRebuild}). */
    void rebuild(UUID offerId, Counted counted, int perBuyerLimit, Instant endsAt, Instant expireAt, long epoch) {
        List<Object> args = new java.util.ArrayList<>(List.of(counted.left(), perBuyerLimit, endsAt.toEpochMilli(),
                expireAt.getEpochSecond(), epoch));
        counted.perBuyer().forEach((buyer, units) -> {
            args.add(buyer);
            args.add(units);
        });
        REBUILD.run(redis, allKeys(offerId), args.toArray());
        hints.changed(offerId, counted.left() == 0);
    }

    /** What PostgreSQL says a pool should hold. */
    public record Counted(long left, Map<UUID, Long> perBuyer) {
    }

    /** The pool's generation, or empty when Redis has no pool. */
    public Optional<Long> epoch(UUID offerId) {
        String epoch = redis.hash(String.class).hget(poolKey(offerId), "epoch");
        return Optional.ofNullable(epoch).map(Long::parseLong);
    }

    /** True when a reservation outlived its deadline: the process holding it died, or lost touch. */
    public boolean hasOverdueHolds(UUID offerId, Instant now) {
        Response due = redis.execute("ZRANGEBYSCORE", dueKey(offerId), "0", Long.toString(now.toEpochMilli()),
                "LIMIT", "0", "1");
        return due != null && due.size() > 0;
    }

    /** Cancellations: @return true when the units went back into the open pool, false when drained or gone. */
    public boolean release(UUID offerId, UUID buyerId, int quantity) {
        return hinted(offerId, RELEASE.run(redis, keys(offerId), buyerId, quantity).toInteger() == 1);
    }

    /** Takes back units released by a cancellation whose transaction then rolled back. */
    public void retake(UUID offerId, UUID buyerId, int quantity) {
        hinted(offerId, RETAKE.run(redis, keys(offerId), buyerId, quantity).toInteger() == 1);
    }

    /** Closes the pool to buyers; returns the units it had left (the same on every repeat), empty if there is no pool. */
    public Optional<Integer> drain(UUID offerId) {
        int left = DRAIN.run(redis, List.of(poolKey(offerId))).toInteger();
        if (left >= 0) {
            hints.changed(offerId, true); // closed: later hints of the offer are ignored by livestream
        }
        return left < 0 ? Optional.empty() : Optional.of(left);
    }

    /** Hints the pool's change to the feed when {@code changed}; returns it. */
    private boolean hinted(UUID offerId, boolean changed) {
        if (changed) {
            hints.changed(offerId, false);
        }
        return changed;
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

    static String holdsKey(UUID offerId) {
        return "orders:offer:{" + offerId + "}:holds";
    }

    static String dueKey(UUID offerId) {
        return "orders:offer:{" + offerId + "}:due";
    }

    /** Units each buyer holds in reservations not yet settled: what separates a final limit refusal from a pending one. */
    static String holdingKey(UUID offerId) {
        return "orders:offer:{" + offerId + "}:holding";
    }

    /** The keys of release and retake. */
    static List<String> keys(UUID offerId) {
        return List.of(poolKey(offerId), buyersKey(offerId));
    }

    /** The keys of settle. */
    static List<String> settleKeys(UUID offerId) {
        return List.of(holdsKey(offerId), dueKey(offerId), holdingKey(offerId));
    }

    /** The keys of reserve, abandon and rebuild. */
    static List<String> allKeys(UUID offerId) {
        return List.of(poolKey(offerId), buyersKey(offerId), holdsKey(offerId), dueKey(offerId), holdingKey(offerId));
    }
}
