package live.harvest.orders.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import live.harvest.orders.config.OrdersConfig;
import live.harvest.orders.redis.LuaScript;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.problem.Problem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Stripe-style idempotency keys, per buyer. The key is claimed in Redis (one script) before any work, so sold-out
 * answers cost no database read; concurrent retries wait for the first answer and get it verbatim; a different body
 * under the same key is refused with 422. Every answer is also durable in PostgreSQL ({@link IdempotencyRecord}):
 * accepted orders in the order's transaction, refusals through {@link RefusalLog} before they are answered. Redis
 * may lose entries (restart, failover): each buyer has a sentinel key that exists only while Redis holds all of the
 * buyer's answers; without it the buyer's answers are reloaded from PostgreSQL first (ADR 0011).
 */
@ApplicationScoped
public class Idempotency {

    /** What Redis holds under a key: who claimed it and until when, and once done, the first answer. */
    record Entry(String hash, String owner, StoredResponse response, long leaseUntil) {
    }

    private static final LuaScript CLAIM = LuaScript.load("claim");
    private static final LuaScript UNCLAIM = LuaScript.load("unclaim");
    private static final LuaScript RESEED = LuaScript.load("reseed");
    private static final long POLL_NANOS = 20_000_000L;

    private final RedisDataSource redis;
    private final ObjectMapper mapper;
    private final OrdersConfig config;
    private final IdempotencyRecords records;
    private final RefusalLog refusals;

    public Idempotency(RedisDataSource redis, ObjectMapper mapper, OrdersConfig config, IdempotencyRecords records,
                       RefusalLog refusals) {
        this.redis = redis;
        this.mapper = mapper;
        this.config = config;
        this.records = records;
        this.refusals = refusals;
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
     * refusals (4xx) are remembered like successes; unexpected failures and 5xx free the key for a retry.
     */
    public StoredResponse once(UUID buyerId, String key, String hash, Supplier<StoredResponse> work) {
        String entryKey = entryKey(buyerId, key);
        String owner = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + config.idempotencyWait().toNanos();
        while (true) {
            long now = System.currentTimeMillis();
            Entry mine = new Entry(hash, owner, null, now + config.idempotencyLease().toMillis());
            String pending = json(mine);
            Response claim = CLAIM.run(redis, List.of(entryKey, sentinelKey(buyerId)), pending, now,
                    config.idempotencyRetention().toMillis());
            String verdict = claim.get(0).toString();
            if (!verdict.equals("held")) {
                Optional<StoredResponse> earlier = switch (verdict) {
                    case "check-key" -> durable(buyerId, key, hash, entryKey, pending);
                    case "check-buyer" -> reload(buyerId, key, hash, entryKey, pending);
                    default -> Optional.empty();
                };
                if (earlier.isPresent()) {
                    remember(entryKey, mine, earlier.get());
                    return replay(earlier.get());
                }
                return run(buyerId, key, hash, entryKey, mine, pending, work);
            }
            Entry first = parse(claim.get(1).toString());
            if (!first.hash().equals(hash)) {
                throw keyReused(key);
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
    }

    private StoredResponse run(UUID buyerId, String key, String hash, String entryKey, Entry mine, String pending,
                               Supplier<StoredResponse> work) {
        StoredResponse answer;
        try {
            answer = work.get();
        } catch (DomainException e) {
            if (e.status() >= 500) {
                UNCLAIM.run(redis, List.of(entryKey), pending);
                throw e;
            }
            StoredResponse refused = refusal(e);
            StoredResponse first = refusals.record(buyerId, key, hash, refused);
            remember(entryKey, mine, first);
            if (first.equals(refused)) {
                throw e;
            }
            return replay(first);
        } catch (RuntimeException | Error e) {
            UNCLAIM.run(redis, List.of(entryKey), pending);
            throw e;
        }
        remember(entryKey, mine, answer);
        return replay(answer);
    }

    /** The key's durable answer, if it has one (our claim lapsed from a holder that crashed, or is slow). */
    private Optional<StoredResponse> durable(UUID buyerId, String key, String hash, String entryKey, String pending) {
        return answerIn(readOrUnclaim(() -> records.find(buyerId, key).stream().toList(), entryKey, pending), key, hash);
    }

    /** Redis lost this buyer's answers: put them all back from PostgreSQL, and answer this key from them if it can. */
    private Optional<StoredResponse> reload(UUID buyerId, String key, String hash, String entryKey, String pending) {
        List<IdempotencyRecord> live = readOrUnclaim(() -> records.liveOf(buyerId, Instant.now()), entryKey, pending);
        List<String> keys = new ArrayList<>(List.of(sentinelKey(buyerId)));
        List<Object> args = new ArrayList<>(List.of(config.idempotencyRetention().toMillis()));
        for (IdempotencyRecord row : live) {
            if (!row.key.idemKey().equals(key)) {
                keys.add(entryKey(buyerId, row.key.idemKey()));
                args.add(json(new Entry(row.requestHash, "reloaded", row.toResponse(), 0)));
            }
        }
        RESEED.run(redis, keys, args.toArray());
        return answerIn(live, key, hash);
    }

    private List<IdempotencyRecord> readOrUnclaim(Supplier<List<IdempotencyRecord>> read, String entryKey,
                                                  String pending) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            UNCLAIM.run(redis, List.of(entryKey), pending);
            throw e;
        }
    }

    private static Optional<StoredResponse> answerIn(List<IdempotencyRecord> rows, String key, String hash) {
        Optional<IdempotencyRecord> row = rows.stream().filter(r -> r.key.idemKey().equals(key)).findFirst();
        if (row.isPresent() && !row.get().requestHash.equals(hash)) {
            throw keyReused(key);
        }
        return row.map(IdempotencyRecord::toResponse);
    }

    /** The refusal for a key already used with another body; one wording wherever it is detected. */
    public static DomainException keyReused(String key) {
        return DomainException.unprocessable("idempotency-key-reused",
                "Idempotency-Key '" + key + "' was already used with a different request body");
    }

    private void remember(String entryKey, Entry mine, StoredResponse answer) {
        Entry done = new Entry(mine.hash(), mine.owner(), answer, mine.leaseUntil());
        redis.value(String.class).set(entryKey, json(done), new SetArgs().px(config.idempotencyRetention().toMillis()));
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

    static String entryKey(UUID buyerId, String key) {
        // Hash the client's key: it may hold any printable character, and its length must not shape our keys.
        // The buyer is the hash tag: a buyer's entries and sentinel share a cluster slot, so one script sees both.
        String digest = HexFormat.of().formatHex(sha256(key));
        return "orders:idem:{" + buyerId + "}:" + digest;
    }

    static String sentinelKey(UUID buyerId) {
        return "orders:idem:{" + buyerId + "}:complete";
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
