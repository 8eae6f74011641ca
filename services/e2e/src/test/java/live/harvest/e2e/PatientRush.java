package live.harvest.e2e;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A continuous rush whose buyers behave like the real app: each attempt has its own Idempotency-Key, and when the
 * answer is not final (connection lost, timeout, 5xx, 409 idempotency-key-in-progress) the app retries the same key
 * with the same body, backing off, until it gets a final answer or the deadline passes. Every final answer per key
 * is kept, so a key answered twice differently is visible.
 */
final class PatientRush {

    /** One press of "buy": a buyer and the key the app generated for it. */
    record Attempt(String key, Rush.Buyer buyer) {
    }

    /** A final answer: an order (whatever 2xx carried it) or a refusal's status and problem type. */
    record Answer(String text, UUID orderId) {
        static final Answer NONE = new Answer("no final answer before the deadline", null);

        static Answer of(Http.Reply reply) {
            if (reply.ok()) {
                UUID id = UUID.fromString(reply.body().get("id").asText());
                return new Answer("order " + id, id);
            }
            String type = reply.body().path("type").asText();
            return new Answer(reply.status() + " " + type.substring(type.lastIndexOf('/') + 1), null);
        }

        boolean accepted() {
            return orderId != null;
        }
    }

    private final Rush rush;
    private final UUID offerId;
    private final Duration deadline;
    private final Map<Attempt, List<Answer>> answers = new ConcurrentHashMap<>();
    private final AtomicInteger retries = new AtomicInteger();

    PatientRush(Rush rush, UUID offerId, Duration deadline) {
        this.rush = rush;
        this.offerId = offerId;
        this.deadline = deadline;
    }

    /** Every attempt once, {@code concurrency} at a time, with {@code fault} injected after a third of them. */
    Drive.Window run(List<Attempt> attempts, int concurrency, Drive.Fault fault) throws Exception {
        return Drive.run(attempts, concurrency, fault, a -> answers.computeIfAbsent(a, k -> new CopyOnWriteArrayList<>())
                .add(untilFinal(a)));
    }

    /** The app retries every key once more after the sale (a lost response, a double tap): same key, same body. */
    void replayAll(int concurrency) throws Exception {
        Drive.run(List.copyOf(answers.keySet()), concurrency, null, a -> answers.get(a).add(untilFinal(a)));
    }

    private Answer untilFinal(Attempt attempt) {
        long giveUp = System.nanoTime() + deadline.toNanos();
        long backoff = 100;
        while (true) {
            try {
                Http.Reply reply = rush.buy(attempt.buyer(), offerId, attempt.key());
                boolean inProgress = reply.status() == 409 && reply.raw().contains("idempotency-key-in-progress");
                if (reply.status() < 500 && !inProgress) {
                    return Answer.of(reply);
                }
            } catch (UncheckedIOException e) {
                // connection refused or reset, or a timeout: the app cannot know whether the order was taken
            }
            if (System.nanoTime() > giveUp) {
                return Answer.NONE;
            }
            retries.incrementAndGet();
            Drive.pause(backoff);
            backoff = Math.min(2000, backoff * 2);
        }
    }

    int attempts() {
        return answers.size();
    }

    int retries() {
        return retries.get();
    }

    /** The first final answer of each key: what the buyer saw. */
    Map<Attempt, Answer> firstAnswers() {
        return answers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(0)));
    }

    /** Keys whose final answers differ (the retry got another order, or a refusal after an order). */
    List<String> keysAnsweredDifferently() {
        List<String> keys = new ArrayList<>();
        answers.forEach((attempt, list) -> {
            Set<String> distinct = list.stream().map(Answer::text).collect(Collectors.toSet());
            if (distinct.size() > 1) {
                keys.add(attempt.key() + " " + distinct);
            }
        });
        return keys;
    }

    /** Every order any answer named, with its buyer: a second order for a key shows up here too. */
    Map<UUID, Rush.Buyer> ordersNamed() {
        Map<UUID, Rush.Buyer> orders = new HashMap<>();
        answers.forEach((attempt, list) -> list.stream().filter(Answer::accepted)
                .forEach(a -> orders.put(a.orderId(), attempt.buyer())));
        return orders;
    }

    /** Refusals and non-answers by kind, counted on the first answers. */
    Map<String, Long> refusals() {
        return firstAnswers().values().stream().filter(a -> !a.accepted())
                .collect(Collectors.groupingBy(Answer::text, java.util.TreeMap::new, Collectors.counting()));
    }
}
