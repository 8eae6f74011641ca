package live.harvest.orders.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import live.harvest.orders.OrdersConfig;
import live.harvest.orders.redis.LuaScript;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.problem.Problem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Stripe-style idempotency keys, per buyer. The key is claimed in Redis (SET-if-absent in a script) before any
 * work, so sold-out answers never touch PostgreSQL; concurrent retries wait for the first answer and get it
 * verbatim; a different body under the same key is refused with 422. Accepted orders are also recorded in
 * PostgreSQL in the order's transaction ({@link IdempotencyRecord}), the guard that survives a lost Redis entry.
 */
@ApplicationScoped
public class Idempotency {

    /** What Redis holds under a key: who claimed it and, once done, the first answer. */
    record Entry(String hash, String owner, StoredResponse response) {
    }

    private static final LuaScript CLAIM = LuaScript.load("claim");
    private static final LuaScript UNCLAIM = LuaScript.load("unclaim");
    private static final long POLL_NANOS = 20_000_000L;

    private final RedisDataSource redis;
    private final ObjectMapper mapper;
    private final OrdersConfig config;

    public Idempotency(RedisDataSource redis, ObjectMapper mapper, OrdersConfig config) {
        this.redis = redis;
        this.mapper = mapper;
        this.config = config;
    }

    /** SHA-256 of the request as re-serialised from its parsed form, so spacing and key order do not matter. */
    public String hashOf(Object request) {
        try {
            byte[] canonical = mapper.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash request", e);
        }
    }

    /**
     * Runs {@code work} once per (buyer, key); every other call with that key gets the first answer. Business
     * refusals (4xx) are remembered like successes; unexpected failures free the key for a retry.
     */
    public StoredResponse once(UUID buyerId, String key, String hash, Supplier<StoredResponse> work) {
        String redisKey = redisKey(buyerId, key);
        Entry mine = new Entry(hash, UUID.randomUUID().toString(), null);
        String pending = json(mine);
        long deadline = System.nanoTime() + config.idempotencyWait().toNanos();
        while (true) {
            Response held = CLAIM.run(redis, List.of(redisKey), pending, config.idempotencyLease().toMillis());
            if (held == null) {
                break;
            }
            Entry first = parse(held.toString());
            if (!first.hash().equals(hash)) {
                throw DomainException.unprocessable("idempotency-key-reused",
                        "Idempotency-Key '" + key + "' was already used with a different request body");
            }
            if (first.response() != null) {
                return replay(first.response());
            }
            if (System.nanoTime() > deadline) {
                throw DomainException.conflict("idempotency-key-in-progress",
                        "A request with this Idempotency-Key is still being processed; retry shortly");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        StoredResponse answer;
        try {
            answer = work.get();
        } catch (DomainException e) {
            if (e.status() >= 500) {
                UNCLAIM.run(redis, List.of(redisKey), pending);
            } else {
                remember(redisKey, new Entry(hash, mine.owner(), refusal(e)));
            }
            throw e;
        } catch (RuntimeException | Error e) {
            UNCLAIM.run(redis, List.of(redisKey), pending);
            throw e;
        }
        remember(redisKey, new Entry(hash, mine.owner(), answer));
        return replay(answer);
    }

    private void remember(String redisKey, Entry done) {
        redis.value(String.class).set(redisKey, json(done),
                new SetArgs().px(config.idempotencyRetention().toMillis()));
    }

    private static StoredResponse replay(StoredResponse response) {
        if (response.isProblem()) {
            throw new DomainException(response.status(), response.slug(), response.title(), response.detail(), null);
        }
        return response;
    }

    private static StoredResponse refusal(DomainException e) {
        Problem problem = e.toProblem();
        String type = problem.type().toString();
        return new StoredResponse(problem.status(), null, type.substring(type.lastIndexOf('/') + 1),
                problem.title(), problem.detail());
    }

    static String redisKey(UUID buyerId, String key) {
        // Hash the client's key: it may hold any printable character, and its length must not shape our keys.
        String digest = HexFormat.of().formatHex(sha256(key));
        return "orders:idem:" + buyerId + ":" + digest;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Entry entry) {
        try {
            return mapper.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Entry parse(String json) {
        try {
            return mapper.readValue(json, Entry.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt idempotency entry", e);
        }
    }
}
