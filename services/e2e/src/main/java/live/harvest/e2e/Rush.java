package live.harvest.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/** Many buyers pressing "buy" at once on one offer, each with its own idempotency key. */
public final class Rush {

    public record Buyer(UUID id, String token, Map<String, Object> address) {
    }

    public record Accepted(Buyer buyer, UUID orderId, long totalFen, int quantity, String traceCode) {
    }

    public record Outcome(int attempts, List<Accepted> accepted, int soldOut, int limitReached,
                          Map<String, Integer> other, long millis) {
        public int unitsAccepted() {
            return accepted.stream().mapToInt(Accepted::quantity).sum();
        }
    }

    private static final Duration RETRY_503_FOR = Duration.ofSeconds(30);

    private final Http http;
    private final String ordersUrl;
    private final int concurrency;

    public Rush(Http http, String ordersUrl, int concurrency) {
        this.http = http;
        this.ordersUrl = ordersUrl;
        this.concurrency = concurrency;
    }

    /** Every buyer tries {@code attemptsPerBuyer} times, one unit each, all at once. */
    public Outcome run(UUID offerId, List<Buyer> buyers, int attemptsPerBuyer, IntConsumer progress) throws Exception {
        Queue<Accepted> accepted = new ConcurrentLinkedQueue<>();
        AtomicInteger soldOut = new AtomicInteger();
        AtomicInteger limit = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Map<String, Integer> other = new ConcurrentHashMap<>();
        List<Buyer> attempts = new ArrayList<>();
        for (int round = 0; round < attemptsPerBuyer; round++) {
            attempts.addAll(buyers);
        }
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Buyer buyer : attempts) {
                futures.add(pool.submit(() -> {
                    Http.Reply reply = buyUntilFinal(buyer, offerId);
                    if (reply.status() == 201) {
                        JsonNode body = reply.body();
                        accepted.add(new Accepted(buyer, UUID.fromString(body.get("id").asText()),
                                body.get("totalFen").asLong(), body.at("/lines/0/quantity").asInt(),
                                body.at("/lines/0/traceCode").asText(null)));
                    } else if (reply.status() == 409 && reply.raw().contains("/sold-out")) {
                        soldOut.incrementAndGet();
                    } else if (reply.status() == 409 && reply.raw().contains("/buyer-limit-reached")) {
                        limit.incrementAndGet();
                    } else {
                        other.merge(reply.status() + " " + reply.body().path("type").asText(), 1, Integer::sum);
                    }
                    progress.accept(done.incrementAndGet());
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Outcome(attempts.size(), List.copyOf(accepted), soldOut.get(), limit.get(), Map.copyOf(other), millis);
    }

    /**
     * Like the app: a 503 (its Retry-After is 1 s: a pool being recounted, a purchase of the same buyer still being
     * confirmed) is retried with the same key, every second, for up to {@link #RETRY_503_FOR}.
     */
    private Http.Reply buyUntilFinal(Buyer buyer, UUID offerId) {
        String key = UUID.randomUUID().toString();
        AtomicReference<Http.Reply> reply = new AtomicReference<>(buy(buyer, offerId, key));
        if (reply.get().status() == 503) {
            try {
                Awaitility.await().pollDelay(Duration.ofSeconds(1)).pollInterval(Duration.ofSeconds(1))
                        .atMost(RETRY_503_FOR)
                        .until(() -> reply.updateAndGet(last -> buy(buyer, offerId, key)).status() != 503);
            } catch (ConditionTimeoutException stillUnavailable) {
                // answered with the last 503: the caller counts it among the other answers
            }
        }
        return reply.get();
    }

    public Http.Reply buy(Buyer buyer, UUID offerId) {
        return buy(buyer, offerId, UUID.randomUUID().toString());
    }

    /** One unit under the given Idempotency-Key: a retry sends the same key and the same body. */
    public Http.Reply buy(Buyer buyer, UUID offerId, String idempotencyKey) {
        Map<String, Object> order = Map.of(
                "lines", List.of(Map.of("offerId", offerId.toString(), "quantity", 1)),
                "address", buyer.address());
        return http.post(ordersUrl + "/api/v1/orders", buyer.token(), order, Map.of("Idempotency-Key", idempotencyKey));
    }
}
