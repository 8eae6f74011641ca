package live.harvest.orders.offer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import live.harvest.orders.support.Fixtures;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The invariant users trust us for: a rush never oversells and never lets a buyer past the limit. */
@QuarkusTest
class FlashSaleRushTest {

    private static final int UNITS = 100;
    private static final int BUYERS = 1_000;
    private static final int LIMIT = 2;
    private static final int THREADS = 64;

    @Inject
    Fixtures fixtures;

    @Inject
    EntityManager em;

    @TestHTTPResource("/api/v1/orders")
    URI ordersUrl;

    @Test
    void twoThousandConcurrentBuysSellExactlyTheAllocatedUnitsWithinTheLimit() throws Exception {
        // Given 100 units with a limit of 2 per buyer, and 1,000 buyers who each try twice: 2 units, then 1
        OfferOpened offer = fixtures.openOffer(UNITS, LIMIT, 1990);
        List<UUID> buyers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            buyers.add(UUID.randomUUID());
            tokens.add(Tokens.consumer(buyers.get(i)));
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);

        // When all 2,000 attempts hit the real endpoint at once
        long started = System.nanoTime();
        List<Future<Attempt>> futures = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            int quantity = round == 0 ? 2 : 1;
            for (int b = 0; b < BUYERS; b++) {
                UUID buyer = buyers.get(b);
                String token = tokens.get(b);
                futures.add(pool.submit(() -> attempt(http, buyer, token, offer.offerId(), quantity)));
            }
        }
        List<Attempt> attempts = new ArrayList<>();
        for (Future<Attempt> f : futures) {
            attempts.add(f.get());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();

        // Then every attempt got one of the three answers
        Map<String, Long> outcomes = attempts.stream()
                .collect(Collectors.groupingBy(Attempt::outcome, Collectors.counting()));
        System.out.printf("Flash-sale rush: %d attempts in %.2f s = %.0f buys/s; outcomes %s%n",
                attempts.size(), seconds, attempts.size() / seconds, outcomes);
        assertEquals(2 * BUYERS, attempts.size());
        assertTrue(java.util.Set.of("accepted", "sold-out", "buyer-limit-reached").containsAll(outcomes.keySet()),
                "unexpected answers: " + outcomes);

        // and exactly the allocated units were sold, none to a buyer beyond the limit, as the database has it
        int soldPerAnswers = attempts.stream().filter(a -> a.outcome().equals("accepted"))
                .mapToInt(Attempt::quantity).sum();
        assertEquals(UNITS, soldPerAnswers);
        assertEquals(UNITS, soldInDatabase(offer.offerId()));
        int most = maxPerBuyerInDatabase(offer.offerId());
        assertTrue(most <= LIMIT, "a buyer holds " + most + " units");
        assertEquals(0, fixtures.unitsLeft(offer.offerId()));
    }

    private record Attempt(String outcome, int quantity) {
    }

    private Attempt attempt(HttpClient http, UUID buyer, String token, UUID offerId, int quantity)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(ordersUrl)
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", UUID.randomUUID().toString()) // the same key on every retry
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(KafkaProbe.json(Fixtures.offerOrder(offerId, quantity))))
                .build();
        AtomicReference<HttpResponse<String>> answer =
                new AtomicReference<>(http.send(request, HttpResponse.BodyHandlers.ofString()));
        // Like the app: a 503 (e.g. no pooled connection in time on a loaded machine) is retried with the same key,
        // once a second (its Retry-After), until a final answer.
        if (answer.get().statusCode() == 503) {
            await().pollDelay(Duration.ofSeconds(1)).pollInterval(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30))
                    .until(() -> {
                        answer.set(http.send(request, HttpResponse.BodyHandlers.ofString()));
                        return answer.get().statusCode() != 503;
                    });
        }
        HttpResponse<String> response = answer.get();
        if (response.statusCode() == 201) {
            return new Attempt("accepted", quantity);
        }
        String type = String.valueOf(KafkaProbe.tree(response.body()).get("type"));
        String slug = type.substring(type.lastIndexOf('/') + 1);
        return new Attempt(response.statusCode() == 409 ? slug : response.statusCode() + " " + slug, quantity);
    }

    private int soldInDatabase(UUID offerId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select coalesce(sum(quantity), 0) from order_line where offer_id = ?1")
                .setParameter(1, offerId).getSingleResult()).intValue());
    }

    private int maxPerBuyerInDatabase(UUID offerId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select coalesce(max(units), 0) from (select o.buyer_id, sum(l.quantity) units "
                                + "from order_line l join customer_order o on o.id = l.order_id "
                                + "where l.offer_id = ?1 group by o.buyer_id) per_buyer")
                .setParameter(1, offerId).getSingleResult()).intValue());
    }
}
