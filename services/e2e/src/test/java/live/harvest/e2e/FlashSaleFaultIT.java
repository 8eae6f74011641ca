package live.harvest.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The fault suite: a real flash sale per test (150 units, 100 buyers pressing 3 times, limit 2) on the packaged
 * services, with one thing broken after a third of the rush (or of the payments, for faults of the routing path).
 * Each test is the regression test of a failure once seen from outside; all assert the same invariants
 * ({@link FaultOutcome#assertInvariants()}) and print one row of the per-fault table, also written to
 * {@code services/e2e/target/fault-table.md}.
 */
@ExtendWith(Marketplace.class)
class FlashSaleFaultIT {

    private static final List<FaultOutcome> OUTCOMES = new CopyOnWriteArrayList<>();
    private static final Http HTTP = new Http(4);

    @Test
    void givenPaymentsBeingRoutedWhenOrdersAndLogisticsLoseTheirDatabaseConnectionsThenEveryPaidOrderIsRoutedExactlyOnce()
            throws Exception {
        // Failure 1: a blip sent real shipment-created/routed events to the dead-letter topic; orders stayed PAID.
        drill("PostgreSQL blip (orders + logistics)", FaultDrill.Phase.ROUTING,
                () -> Faults.databaseBlip("orders", "logistics")).assertInvariants();
    }

    @Test
    void givenARushWhenRedisRestartsMidSaleThenTheOfferKeepsSellingFromItsRebuiltPoolAndUnsoldUnitsReturn()
            throws Exception {
        // Failure 2: later buys got 422 unknown-offer, and the units never went back to catalog at close.
        FaultOutcome outcome = drill("Redis restart", FaultDrill.Phase.RUSH, Faults::redisRestart);
        assertNull(outcome.otherAnswers().get("422 unknown-offer"), "no buyer is told the offer is unknown");
        outcome.assertInvariants();
    }

    @Test
    void givenAContinuousRushWhenOrdersIsKilled9AndRestartedThenNoUnitLeaksAndNobodyIsRefusedBelowTheLimit()
            throws Exception {
        // Failure 3: units reserved in Redis but never written leaked, and buyers were refused for a limit they
        // had not reached.
        FaultOutcome outcome = drill("orders kill -9", FaultDrill.Phase.RUSH,
                () -> Faults.crashService("orders", Duration.ofSeconds(2)));
        assertEquals(0, outcome.unjustLimitRefusals(), "limit-reached only for buyers who hold the limit");
        outcome.assertInvariants();
    }

    @Test
    void givenOrdersAnsweredBeforeRedisIsLostWhenTheAppRetriesTheSameIdempotencyKeysThenEachKeyGetsTheSameAnswer()
            throws Exception {
        // Failure 4: idempotency depended on Redis; after a loss a retried key got a different answer. The drill
        // retries every key after the sale, so the keys answered before the loss are asked again after it.
        FaultOutcome outcome = drill("Redis loss, keys retried", FaultDrill.Phase.RUSH, Faults::redisRestart);
        assertEquals(List.of(), outcome.keysAnsweredDifferently(), "the same answer for every retried key");
        assertEquals(List.of(), outcome.phantomOrders(), "no second order per key");
        outcome.assertInvariants();
    }

    @Test
    void givenARushWhenTheKafkaBrokerIsKilled9ThenBuyingGoesOnAndEveryOrderIsRoutedOnceTheBrokerReturns()
            throws Exception {
        // Failure 5: readiness does not depend on the broker (the outbox holds events), so buying must go on.
        Map<String, Integer> readinessWhileDown = new ConcurrentHashMap<>();
        FaultOutcome outcome = drill("Kafka broker kill -9", FaultDrill.Phase.RUSH,
                () -> Faults.crashBroker(Duration.ofSeconds(5), () -> Marketplace.PORTS.keySet().forEach(service ->
                        readinessWhileDown.put(service, HTTP.get(Marketplace.url(service) + "/q/health/ready", null)
                                .status()))));
        assertEquals(Map.of("catalog", 200, "livestream", 200, "orders", 200, "logistics", 200), readinessWhileDown,
                "every service stays ready without the broker");
        outcome.assertInvariants();
    }

    @Test
    void givenPaymentsBeingRoutedWhenLogisticsIsKilled9AndRestartedThenRoutingResumesAndEveryPaidOrderIsRoutedOnce()
            throws Exception {
        // Failure 6: the crashed member's partitions must be consumed again, each order routed once.
        drill("logistics kill -9", FaultDrill.Phase.ROUTING,
                () -> Faults.crashService("logistics", Duration.ofSeconds(2))).assertInvariants();
    }

    private static FaultOutcome drill(String fault, FaultDrill.Phase phase, Drive.Fault action) throws Exception {
        FaultOutcome outcome = new FaultDrill().run(fault, phase, action);
        OUTCOMES.add(outcome);
        System.out.println(FaultOutcome.HEADER + "\n" + outcome.row() + "\n" + outcome.details());
        return outcome;
    }

    @AfterAll
    static void printTable() throws Exception {
        StringBuilder table = new StringBuilder(FaultOutcome.HEADER).append('\n');
        OUTCOMES.forEach(o -> table.append(o.row()).append('\n'));
        OUTCOMES.forEach(o -> table.append("\n- ").append(o.details()));
        System.out.println("\n=== fault suite ===\n" + table);
        Files.writeString(Marketplace.repoRoot().resolve("services/e2e/target/fault-table.md"), table + "\n");
    }
}
