package live.harvest.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One fault drill on a sale of its own: open an offer, run a continuous rush of patient buyers, break something
 * (during the rush, or during payments and routing), retry every key once more, pay every order, close the offer,
 * then wait for the system to converge and measure what it did ({@link FaultOutcome}). It drives a deployment through
 * the addresses it is given (the e2e services, or a balancer in front of several instances) and reads that
 * deployment's databases.
 */
final class FaultDrill {

    enum Phase { RUSH, ROUTING }

    // Sized so the six drills and the services' start fit in about six minutes on a 2-core machine: routing runs
    // at roughly 8 orders/s there, so every 100 units cost some 12 s of convergence per drill.
    static final int UNITS = 150;
    static final int BUYERS = 100;
    static final int LIMIT = 2;
    /** 300 presses for 150 units (200 within the limits): the offer sells out and limits bite. */
    static final int PRESSES_PER_BUYER = 3;
    static final long PRICE = 2990;
    private static final int CONCURRENCY = 16;
    private static final Duration ANSWER_DEADLINE = Duration.ofSeconds(120);
    private static final Duration CONVERGENCE = Duration.ofSeconds(150);

    private final Http http = new Http(CONCURRENCY);
    private final FlashSaleScenario.Endpoints urls;
    private final Payments payments;
    private final FlashSaleScenario scenario;
    private final E2eDatabase ordersDb;
    private final E2eDatabase logisticsDb;
    private final E2eDatabase catalogDb;

    /** A drill on the e2e deployment ({@link Marketplace}). */
    FaultDrill() {
        this(Marketplace.endpoints(), "e2e");
    }

    /** A drill on the deployment answering at {@code urls}, whose databases are {@code harvest_<svc>_<deployment>}. */
    FaultDrill(FlashSaleScenario.Endpoints urls, String deployment) {
        this.urls = urls;
        this.payments = new Payments(http, urls.orders(), "demo-pay", "demo-pay-secret-change-me");
        this.scenario = new FlashSaleScenario(
                new FlashSaleScenario.Settings(UNITS, BUYERS, PRESSES_PER_BUYER, LIMIT, PRICE, CONCURRENCY, CONVERGENCE),
                urls, new TokenMinter("harvest-test-keys/privateKey.pem", "https://harvest.live/local"),
                "demo-pay-secret-change-me", line -> { });
        this.ordersDb = new E2eDatabase("orders", Marketplace.database("orders", deployment));
        this.logisticsDb = new E2eDatabase("logistics", Marketplace.database("logistics", deployment));
        this.catalogDb = new E2eDatabase("catalog", Marketplace.database("catalog", deployment));
    }

    FaultOutcome run(String fault, Phase phase, Drive.Fault action) throws Exception {
        FlashSaleScenario.Live live = scenario.openSale();
        PatientRush rush = new PatientRush(new Rush(http, urls.orders(), CONCURRENCY), live.offerId(),
                ANSWER_DEADLINE);
        Drive.Window window = rush.run(presses(), CONCURRENCY, phase == Phase.RUSH ? action : null);
        rush.replayAll(CONCURRENCY);
        Map<UUID, Rush.Buyer> orders = rush.ordersNamed();
        Map<UUID, String> refusedPayments = new ConcurrentHashMap<>();
        Drive.Window paying = Drive.run(List.copyOf(orders.keySet()), CONCURRENCY,
                phase == Phase.ROUTING ? action : null, id -> pay(id, refusedPayments));
        Instant over = (phase == Phase.RUSH ? window : paying).end();
        http.post(urls.livestream() + "/api/v1/streams/" + live.streamId() + "/offers/" + live.offerId()
                + "/close", scenario.sellerToken(), null).expect(200);
        Double seconds = awaitConvergence(live, orders.keySet(), over);
        return measure(fault, live, rush, orders, refusedPayments, seconds);
    }

    /** Every buyer presses three times; presses are shuffled so every moment of the rush mixes first and later presses. */
    private List<PatientRush.Attempt> presses() {
        List<String> townships = scenario.network().townships();
        List<PatientRush.Attempt> presses = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            Rush.Buyer buyer = scenario.buyer(townships.get(i % townships.size()), i);
            for (int p = 0; p < PRESSES_PER_BUYER; p++) {
                presses.add(new PatientRush.Attempt(UUID.randomUUID().toString(), buyer));
            }
        }
        Collections.shuffle(presses, new Random(42));
        return presses;
    }

    /** The payment partner retries a callback until it gets an answer that is not a failure of ours. */
    private void pay(UUID orderId, Map<UUID, String> refused) {
        for (long giveUp = System.nanoTime() + ANSWER_DEADLINE.toNanos(); System.nanoTime() < giveUp; ) {
            try {
                Http.Reply reply = payments.pay(orderId, PRICE);
                if (reply.status() < 500) {
                    if (reply.status() != 200) {
                        refused.put(orderId, reply.status() + " " + reply.raw());
                    }
                    return;
                }
            } catch (UncheckedIOException e) {
                // orders restarting or a connection cut: the partner tries again
            }
            Drive.pause(500);
        }
        refused.put(orderId, "no answer before the deadline");
    }

    /**
     * Converged: every order named to a buyer is ROUTED in orders and its shipment ROUTED in logistics, orders
     * drained the closed offer's pool and catalog took the unsold units back. (Read from the e2e databases, where
     * each fact is recorded once, rather than from livestream's offer view built from events.)
     * @return seconds from the end of the fault, or null if it did not converge within {@link #CONVERGENCE}
     */
    private Double awaitConvergence(FlashSaleScenario.Live live, Set<UUID> orders, Instant faultOver) {
        String ids = String.join(",", orders.stream().map(UUID::toString).toList());
        try {
            Awaitility.await("convergence").atMost(CONVERGENCE).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptionsInstanceOf(UncheckedIOException.class)
                    .until(() -> ordersDb.count("select count(*) from customer_order where id::text = any("
                            + "string_to_array(?, ',')) and status = 'ROUTED'", ids) == orders.size()
                            && logisticsDb.count("select count(*) from shipment where order_id::text = any("
                            + "string_to_array(?, ',')) and status = 'ROUTED'", ids) == orders.size()
                            && ordersDb.count("select count(*) from offer where id = ? and drained_at is not null",
                            live.offerId()) == 1
                            && catalogDb.count("select count(*) from stock_allocation where offer_id = ?"
                            + " and released_at is not null", live.offerId()) == 1);
        } catch (ConditionTimeoutException e) {
            return null;
        }
        return Duration.between(faultOver, Instant.now()).toMillis() / 1000.0;
    }

    /** What orders drained from the pool at close, by its own record; -1 if it never drained it. */
    private int unitsLeftAtClose(FlashSaleScenario.Live live) {
        List<Object[]> rows = ordersDb.rows("select units_left from offer where id = ?", live.offerId());
        return rows.isEmpty() || rows.get(0)[0] == null ? -1 : (Integer) rows.get(0)[0];
    }

    private FaultOutcome measure(String fault, FlashSaleScenario.Live live, PatientRush rush,
                                 Map<UUID, Rush.Buyer> named, Map<UUID, String> refusedPayments, Double seconds) {
        // Orders' own view of the offer: every order written for it, whoever (if anyone) was told about it.
        Map<UUID, UUID> dbOrders = new HashMap<>();
        Map<UUID, Integer> dbUnitsPerBuyer = new HashMap<>();
        for (Object[] row : ordersDb.rows("select o.id, o.buyer_id, l.quantity from customer_order o"
                + " join order_line l on l.order_id = o.id where l.offer_id = ?", live.offerId())) {
            dbOrders.put((UUID) row[0], (UUID) row[1]);
            dbUnitsPerBuyer.merge((UUID) row[1], (Integer) row[2], Integer::sum);
        }
        Map<UUID, Integer> toldUnitsPerBuyer = new HashMap<>();
        named.values().forEach(b -> toldUnitsPerBuyer.merge(b.id(), 1, Integer::sum));
        String ids = String.join(",", named.keySet().stream().map(UUID::toString).toList());
        List<UUID> missing = named.entrySet().parallelStream()
                .filter(e -> http.get(urls.orders() + "/api/v1/orders/" + e.getKey(), e.getValue().token())
                        .status() != 200).map(Map.Entry::getKey).toList();
        long unrouted = named.size() - ordersDb.count("select count(*) from customer_order where id::text = any("
                + "string_to_array(?, ',')) and status = 'ROUTED'", ids);
        long routedTwice = ordersDb.count("select count(*) from (select order_id from order_transition where to_status"
                + " = 'ROUTED' and order_id::text = any(string_to_array(?, ',')) group by order_id having count(*) > 1) t",
                ids) + logisticsDb.count("select count(*) from (select s.order_id from shipment_timeline t join shipment s"
                + " on s.id = t.shipment_id where t.kind = 'ROUTED' and s.order_id::text = any(string_to_array(?, ','))"
                + " group by s.order_id having count(*) > 1) r", ids);
        List<UUID> phantoms = dbOrders.keySet().stream().filter(id -> !named.containsKey(id)).toList();
        long unjustLimitRefusals = rush.firstAnswers().entrySet().stream()
                .filter(e -> e.getValue().text().equals("409 buyer-limit-reached"))
                .filter(e -> dbUnitsPerBuyer.getOrDefault(e.getKey().buyer().id(), 0) < LIMIT).count();
        Map<String, Long> otherAnswers = new java.util.TreeMap<>(rush.refusals());
        otherAnswers.keySet().removeAll(Set.of("409 sold-out", "409 buyer-limit-reached"));
        FaultOutcome.Stock stock = stock(live);
        return new FaultOutcome(fault, rush.attempts(), rush.retries(), named.size(), dbOrders.size(),
                missing.size() + (int) unrouted, rush.keysAnsweredDifferently(), phantoms, (int) routedTwice,
                Math.max(named.size(), dbOrders.size()) - UNITS,
                max(toldUnitsPerBuyer), max(dbUnitsPerBuyer), (int) unjustLimitRefusals, otherAnswers,
                Map.copyOf(refusedPayments), stock, unitsLeftAtClose(live), seconds);
    }

    /** Catalog's ledger of the SKU: what it allocated to this offer and what came back when the offer closed. */
    private FaultOutcome.Stock stock(FlashSaleScenario.Live live) {
        long allocated = 0;
        long returned = 0;
        JsonNode ledger = http.get(urls.catalog() + "/api/v1/skus/" + live.listing().skuId()
                + "/ledger?size=500", scenario.sellerToken()).expect(200).body();
        for (JsonNode movement : ledger.path("movements")) {
            if (live.offerId().toString().equals(movement.path("offerId").asText())) {
                switch (movement.path("kind").asText()) {
                    case "ALLOCATION" -> allocated -= movement.path("delta").asLong();
                    case "RELEASE" -> returned += movement.path("delta").asLong();
                    default -> { }
                }
            }
        }
        return new FaultOutcome.Stock(allocated, returned);
    }

    private static int max(Map<UUID, Integer> units) {
        return units.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }
}
