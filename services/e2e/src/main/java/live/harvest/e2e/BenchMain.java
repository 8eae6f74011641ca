package live.harvest.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The Java half of deploy/local/bench.sh (issue 14, ADR 0023). wrk drives the HTTP load; this prepares what wrk
 * needs and runs the two phases wrk cannot: a feed viewer with timestamps and payments at a fixed offered rate.
 * <ul>
 *   <li>{@code prepare}: through the public APIs, a network, a verified seller, a product whose SKU holds
 *   {@code hugeUnits + tinyUnits}, a live stream with two pinned offers (tiny: sells out at once, per-buyer limit 1;
 *   huge: never sells out, per-buyer limit 5), both pools open in orders; buyer tokens minted to files.</li>
 *   <li>{@code feed}: one viewer connected before the rush; writes a ready marker once the snapshot arrived, then
 *   every event with its receive time until the offer's {@code sold-out} event (or the time limit).</li>
 *   <li>{@code pay}: signed payment callbacks at a fixed offered rate (no retry), answers and latencies counted.</li>
 * </ul>
 * Settings are system properties; every output is a file in {@code -Dout}.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BenchMain prepare|feed|pay (settings as -D properties)");
        }
        Path out = Path.of(System.getProperty("out", ".run/bench/work"));
        Files.createDirectories(out);
        switch (args[0]) {
            case "prepare" -> prepare(out);
            case "feed" -> feed(out);
            case "pay" -> pay(out);
            default -> throw new IllegalArgumentException("unknown phase " + args[0]);
        }
        System.exit(0);
    }

    // --- prepare ---------------------------------------------------------------------------------------------
    private static void prepare(Path out) throws Exception {
        int tinyUnits = Integer.getInteger("tinyUnits", 500);
        int hugeUnits = Integer.getInteger("hugeUnits", 900_000);
        int tinyBuyers = Integer.getInteger("tinyBuyers", 2000);
        int hugeBuyers = Integer.getInteger("hugeBuyers", 8000);
        long price = 12800;
        FlashSaleScenario.Endpoints urls = endpoints();
        TokenMinter tokens = new TokenMinter(System.getProperty("signingKey", "file:.run/jwt/privateKey.pem"),
                env("HARVEST_JWT_ISSUER", "https://harvest.live/local"));
        FlashSaleScenario scenario = new FlashSaleScenario(new FlashSaleScenario.Settings(hugeUnits, 0, 1, 5, price, 8,
                Duration.ofMinutes(2)), urls, tokens, env("DEMO_PAY_SECRET", "demo-pay-secret-change-me"),
                System.err::println).spareStock(tinyUnits);
        FlashSaleScenario.Live live = scenario.openSale();
        Http http = new Http(8);
        JsonNode tiny = http.post(urls.livestream() + "/api/v1/streams/" + live.streamId() + "/offers",
                scenario.sellerToken(), Map.of("skuId", live.listing().skuId().toString(), "priceFen", price,
                        "quantity", tinyUnits, "perBuyerLimit", 1)).expect(201).body();
        String tinyOffer = tiny.get("id").asText();
        awaitPoolOpen(http, urls.orders(), tinyOffer);
        writeTokens(tokens, tinyBuyers, out.resolve("tiny-tokens.txt"));
        writeTokens(tokens, hugeBuyers, out.resolve("huge-tokens.txt"));
        Network network = scenario.network();
        ObjectNode prepared = Http.JSON.createObjectNode()
                .put("streamId", live.streamId().toString())
                .put("tinyOfferId", tinyOffer).put("tinyUnits", tinyUnits)
                .put("hugeOfferId", live.offerId().toString()).put("hugeUnits", hugeUnits)
                .put("skuId", live.listing().skuId().toString()).put("county", network.county())
                .put("tinyBuyers", tinyBuyers).put("hugeBuyers", hugeBuyers);
        prepared.set("address", Http.JSON.valueToTree(network.address(network.townships().get(0), "Bench buyer")));
        Files.writeString(out.resolve("prepare.json"), Http.JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(prepared));
    }

    private static void awaitPoolOpen(Http http, String ordersUrl, String offerId) {
        Awaitility.await("the pool of offer " + offerId + " open").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).until(() -> "open".equals(http.get(ordersUrl
                        + "/api/v1/offers/" + offerId + "/pool", null).body().path("state").asText()));
    }

    private static void writeTokens(TokenMinter tokens, int buyers, Path file) throws IOException {
        List<String> lines = new ArrayList<>(buyers);
        for (int i = 0; i < buyers; i++) {
            lines.add(tokens.consumer(UUID.randomUUID()));
        }
        Files.write(file, lines);
    }

    // --- feed ------------------------------------------------------------------------------------------------
    private static void feed(Path out) throws Exception {
        String offerId = System.getProperty("offerId");
        long limitMillis = Long.getLong("seconds", 120) * 1000;
        try (FeedWatcher feed = new FeedWatcher(endpoints().livestream() + "/api/v1/streams/"
                + System.getProperty("streamId") + "/feed")) {
            long start = System.currentTimeMillis();
            Awaitility.await("the feed's snapshot").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> feed.count("snapshot") > 0);
            Files.writeString(out.resolve("feed.ready"), String.valueOf(System.currentTimeMillis()));
            // Appended as they come (stamped on arrival by the reader thread), so a viewer stopped early keeps them.
            Path file = out.resolve("feed-events.jsonl");
            Files.deleteIfExists(file);
            int written = 0;
            boolean soldOut = false;
            while (!soldOut && System.currentTimeMillis() - start < limitMillis) {
                List<FeedWatcher.FeedEvent> events = feed.events();
                List<String> lines = new ArrayList<>();
                for (FeedWatcher.FeedEvent e : events.subList(written, events.size())) {
                    lines.add(Http.JSON.writeValueAsString(Map.of("at", e.receivedAtMillis(), "type", e.type(),
                            "data", e.data())));
                    soldOut |= soldOut(e, offerId);
                }
                Files.write(file, lines, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
                written = events.size();
                Thread.sleep(5);
            }
        }
    }

    private static boolean soldOut(FeedWatcher.FeedEvent e, String offerId) {
        return e.type().equals("sold-out") && offerId.equals(e.data().path("offerId").asText());
    }

    // --- pay -------------------------------------------------------------------------------------------------
    private static void pay(Path out) throws Exception {
        double rate = Double.parseDouble(System.getProperty("rate", "180"));
        int seconds = Integer.getInteger("seconds", 15);
        List<String[]> orders = Files.readAllLines(Path.of(System.getProperty("orders"))).stream()
                .filter(l -> !l.isBlank()).map(l -> l.trim().split("\\s+")).toList();
        int count = (int) Math.min(orders.size(), Math.round(rate * seconds));
        int threads = Integer.getInteger("threads", 64);
        Http http = new Http(threads);
        Payments payments = new Payments(http, endpoints().orders(), "demo-pay",
                env("DEMO_PAY_SECRET", "demo-pay-secret-change-me"));
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        long periodNanos = (long) (1e9 / rate);
        long start = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        for (int i = 0; i < count; i++) {
            long due = start + i * periodNanos;
            for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                LockSupport.parkNanos(due - now);
            }
            String[] order = orders.get(i);
            senders.execute(() -> {
                long sent = System.nanoTime();
                String answer;
                try {
                    answer = String.valueOf(payments.payOnce(UUID.fromString(order[0]), Long.parseLong(order[1]))
                            .status());
                } catch (RuntimeException e) {
                    answer = "error";
                }
                micros.add((System.nanoTime() - sent) / 1000);
                answers.computeIfAbsent(answer, k -> new AtomicInteger()).incrementAndGet();
            });
        }
        long offeredMillis = (System.nanoTime() - start) / 1_000_000;
        senders.shutdown();
        boolean finished = senders.awaitTermination(120, TimeUnit.SECONDS);
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<String, Integer> byAnswer = new TreeMap<>();
        answers.forEach((k, v) -> byAnswer.put(k, v.get()));
        ObjectNode result = Http.JSON.createObjectNode()
                .put("offeredRate", rate).put("sent", count).put("ordersAvailable", orders.size())
                .put("offeredMillis", offeredMillis)
                .put("achievedRate", offeredMillis == 0 ? 0 : count * 1000.0 / offeredMillis)
                .put("startedAtMillis", startMillis).put("allAnswered", finished)
                .put("callbackP50Ms", percentile(sorted, 50) / 1000.0)
                .put("callbackP99Ms", percentile(sorted, 99) / 1000.0);
        result.set("answers", Http.JSON.valueToTree(byAnswer));
        Files.writeString(out.resolve("pay.json"), Http.JSON.writeValueAsString(result));
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    // --- plumbing --------------------------------------------------------------------------------------------
    private static FlashSaleScenario.Endpoints endpoints() {
        return new FlashSaleScenario.Endpoints(
                env("CATALOG_URL", "http://127.0.0.1:8081"), env("LIVESTREAM_URL", "http://127.0.0.1:8082"),
                env("ORDERS_URL", "http://127.0.0.1:8083"), env("LOGISTICS_URL", "http://127.0.0.1:8084"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
