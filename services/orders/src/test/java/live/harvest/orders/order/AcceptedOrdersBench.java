package live.harvest.orders.order;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.orders.offer.PoolRecovery;
import live.harvest.orders.support.Fixtures;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A benchmark, not a test (its name keeps it out of every normal run): {@code bench.orders} accepted orders (default
 * 3000, after {@code bench.warmup} = 1000 unmeasured ones) for one live offer, each by its own buyer, fired by
 * {@code bench.concurrency} (default 32) client threads at the real endpoint. Prints orders/s, p50/p99 latency and
 * the CPU the service spent per order: this JVM's CPU time minus the client's threads' (named {@code bench-*}), so
 * the figure holds whatever share of the machine the neighbours leave.
 * <pre>
 * DB_TEST_NAME=... KAFKA_TEST_TOPIC_PREFIX=... ./mvnw -B test -pl services/orders -Dtest=AcceptedOrdersBench \
 *   -Dbench.orders=3000 -Dbench.concurrency=32 -Dmaven.repo.local=...
 * </pre>
 */
@QuarkusTest
class AcceptedOrdersBench {

    @Inject
    Fixtures fixtures;

    @Inject
    PoolRecovery recovery;

    @Inject
    MeterRegistry metrics;

    @TestHTTPResource("/api/v1/orders")
    URI ordersUrl;

    @Test
    void measureAcceptedOrdersPerSecondLatencyAndCpuPerOrder() throws Exception {
        int orders = Integer.getInteger("bench.orders", 3000);
        int warmup = Integer.getInteger("bench.warmup", 1000);
        int concurrency = Integer.getInteger("bench.concurrency", 32);
        await().atMost(Duration.ofSeconds(30)).until(recovery::recountedAfterStart);
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency,
                r -> new Thread(r, "bench-client-" + threadNo.incrementAndGet()));
        ExecutorService io = Executors.newFixedThreadPool(2,
                r -> new Thread(r, "bench-http-" + threadNo.incrementAndGet()));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(io)
                .connectTimeout(Duration.ofSeconds(10)).build();

        run(http, clients, warmup, concurrency, "warm-up");
        Phase measured = run(http, clients, orders, concurrency, "measured");
        clients.shutdown();

        long[] sorted = measured.latencyMicros.clone();
        Arrays.sort(sorted);
        System.out.printf("%nAcceptedOrdersBench: %d orders at concurrency %d in %.2f s = %.0f orders/s; latency p50"
                        + " %.1f ms, p99 %.1f ms, max %.1f ms; service CPU %.2f ms per order (JVM %.2f, client %.2f);"
                        + " load average %.1f before, %.1f after; %s%n%n",
                orders, concurrency, measured.seconds, orders / measured.seconds, at(sorted, 0.50), at(sorted, 0.99),
                sorted[sorted.length - 1] / 1000.0, (measured.jvmCpuMs - measured.clientCpuMs) / orders,
                measured.jvmCpuMs / orders, measured.clientCpuMs / orders, measured.loadBefore, measured.loadAfter,
                measured.batches);
        assertEquals(orders, measured.accepted, "every measured order must be accepted");
    }

    private record Phase(double seconds, long[] latencyMicros, int accepted, double jvmCpuMs, double clientCpuMs,
                         double loadBefore, double loadAfter, String batches) {
    }

    private Phase run(HttpClient http, ExecutorService clients, int orders, int concurrency, String name)
            throws Exception {
        OfferOpened offer = fixtures.openOffer(orders, 1, 990);
        List<UUID> buyers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            buyers.add(UUID.randomUUID());
            tokens.add(Tokens.consumer(buyers.get(i)));
        }
        String body = KafkaProbe.json(Fixtures.offerOrder(offer.offerId(), 1));
        long[] latency = new long[orders];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double loadBefore = os.getSystemLoadAverage();
        long jvmCpu0 = os.getProcessCpuTime();
        long clientCpu0 = clientCpuNanos();
        DistributionSummary batchSizes = metrics.find("harvest.orders.order.batch.size").summary();
        long batches0 = batchSizes == null ? 0 : batchSizes.count();
        double written0 = batchSizes == null ? 0 : batchSizes.totalAmount();
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            workers.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < orders; i = next.getAndIncrement()) {
                    HttpRequest request = HttpRequest.newBuilder(ordersUrl)
                            .header("Authorization", "Bearer " + tokens.get(i))
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    latency[i] = (System.nanoTime() - t0) / 1_000;
                    if (response.statusCode() == 201) {
                        accepted.incrementAndGet();
                    } else if (refused.incrementAndGet() <= 5) {
                        System.out.println("bench: " + response.statusCode() + " " + response.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double jvmCpuMs = (os.getProcessCpuTime() - jvmCpu0) / 1e6;
        double clientCpuMs = (clientCpuNanos() - clientCpu0) / 1e6;
        System.out.printf("bench %s: %d/%d accepted in %.2f s%n", name, accepted.get(), orders, seconds);
        String batches = batchSizes == null ? "no group commit" : String.format("%d batches, %.1f orders each",
                batchSizes.count() - batches0, (batchSizes.totalAmount() - written0) / (batchSizes.count() - batches0));
        return new Phase(seconds, latency, accepted.get(), jvmCpuMs, clientCpuMs, loadBefore,
                os.getSystemLoadAverage(), batches);
    }

    /** CPU time of the load generator's threads (they live for the whole run, so none is missed). */
    private static long clientCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("bench-")
                    || info.getThreadName().startsWith("HttpClient-"))) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1000.0;
    }
}
