package live.harvest.e2e;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local proof of scale-out (issue 15, ADR 0025). Two instances of catalog, livestream, orders and logistics from
 * their packaged jars, behind HAProxy ({@code deploy/local/balancer.sh}, the balancer {@code stack.sh up --replicas 2}
 * uses), on a 3-broker KRaft cluster of this test's own ({@code infra.sh up kafka --brokers 3}: replication factor 3,
 * min.insync.replicas 2), with databases {@code harvest_<svc>_scale}, Redis database 9, topics {@code scale.*} and
 * consumer groups {@code <svc>-scale}, so nothing here touches the machine's broker or the e2e deployment.
 * <p>
 * Clients and services alike reach every service through the balancer, as in production behind a Kubernetes Service:
 * a service calling catalog must survive the death of the catalog instance it would otherwise be pinned to, and the
 * balancer's generated configuration (health checks on /q/health/ready, a refused request sent to the other instance)
 * is itself under test. Its statistics show both instances of each service served requests.
 * <p>
 * One fault drill ({@link FaultDrill}: 150 units, 100 buyers pressing 3 times, limit 2): a third into the rush the orders
 * instance caught holding the outbox relay's advisory lock, one broker and one instance of every other service are
 * killed -9, and nothing is restarted. The survivors must sell exactly the offer, route every paid order once, create
 * one shipment per order, and leave no outbox row unsent in any database: the dead relay's duty taken over.
 */
class ScaleOutIT {

    private static final String NAME = "scale";
    private static final int REDIS_DB = 9;
    /** Node i on 19192 + 2(i-1), controller one above: clear of the machine's broker (9092/9093) and the e2e ports. */
    private static final int KAFKA_PORT = 19192;
    private static final int BROKERS = 3;
    /** The addresses clients and services use: HAProxy, one port per service. */
    private static final Map<String, Integer> BALANCED = Map.of(
            "catalog", 28081, "livestream", 28082, "orders", 28083, "logistics", 28084);
    private static final int INSTANCE_PORT_STEP = 100;
    private static final int REPLICAS = 2;
    private static final int BALANCER_STATS_PORT = 28404;
    /** OutboxRelay's advisory lock key, "HARVEST\0": PostgreSQL shows a bigint key as classid (high) and objid (low). */
    private static final long RELAY_LOCK_KEY = 0x4841525645535400L;
    private static final String RELAY_HOLDER = "select a.application_name from pg_locks l join pg_stat_activity a"
            + " on a.pid = l.pid where l.locktype = 'advisory' and l.granted and l.objsubid = 1"
            + " and l.classid = " + (RELAY_LOCK_KEY >>> 32) + " and l.objid = " + (RELAY_LOCK_KEY & 0xffffffffL);
    private static final Duration OUTBOX_DRAIN = Duration.ofSeconds(120);

    private static final AtomicBoolean STOPPED = new AtomicBoolean();
    private static Marketplace marketplace;
    private static double clusterSeconds;
    private static double instancesSeconds;

    @BeforeAll
    static void up() throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(ScaleOutIT::down, "scale-out-teardown")); // a killed JVM too
        long start = System.nanoTime();
        Faults.script(environment(), "scale/infra.log", Duration.ofMinutes(5), "infra.sh", "up", "kafka",
                "--brokers", String.valueOf(BROKERS));
        createTopics();
        clusterSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        List<String> specs = new ArrayList<>();
        Marketplace.ORDER.forEach(service -> specs.add(service + "=" + BALANCED.get(service) + ":"
                + String.join(",", instancePorts(service).stream().map(String::valueOf).toList())));
        Faults.script(environment(), "scale/balancer.log", Duration.ofMinutes(5), "balancer.sh", prepend("up", specs));
        Map<String, List<Integer>> ports = new LinkedHashMap<>();
        Marketplace.ORDER.forEach(service -> ports.put(service, instancePorts(service)));
        marketplace = new Marketplace(NAME, ports, REDIS_DB, bootstrap(), Marketplace.urls(BALANCED));
        marketplace.start();
        for (String service : Marketplace.ORDER) {
            // HAProxy sees an instance ready after two good checks a second apart.
            Marketplace.awaitReady(service + " behind the balancer", balanced().get(service),
                    run().resolve("logs/haproxy.log"));
        }
        instancesSeconds = (System.nanoTime() - start) / 1e9;
    }

    @AfterAll
    static void down() {
        if (!STOPPED.compareAndSet(false, true)) {
            return;
        }
        List<Runnable> steps = List.of(
                () -> { if (marketplace != null) { marketplace.close(); } },
                () -> quietly("balancer.sh", "down"),
                () -> quietly("infra.sh", "down", "kafka"));
        steps.forEach(step -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                System.err.println("scale-out teardown: " + e);
            }
        });
    }

    @Test
    void givenTwoInstancesOfEveryServiceOnThreeBrokersWhenOneBrokerAndOneInstanceOfEachAreKilled9MidRushThenTheSurvivorsSellExactlyTheOfferRouteOnceAndRelayEveryEvent()
            throws Exception {
        Kills kills = new Kills();
        Instant began = Instant.now();
        FaultOutcome outcome = new FaultDrill(Marketplace.endpoints(balanced()), NAME)
                .run("1 of 3 brokers + 1 of 2 instances of each service, kill -9", FaultDrill.Phase.RUSH, kills::inject);
        Map<String, Long> unsent = awaitOutboxesDrained();
        double drillSeconds = Duration.between(began, Instant.now()).toMillis() / 1000.0;
        E2eDatabase orders = database("orders");
        E2eDatabase logistics = database("logistics");
        long duplicateShipments = logistics.count("select count(*) from (select order_id from shipment"
                + " group by order_id having count(*) > 1) d");
        long relayedAfterKill = orders.count("select count(*) from outbox_message where sent_at > ?",
                java.sql.Timestamp.from(kills.at));
        Double takeover = kills.takeover.get(OUTBOX_DRAIN.toSeconds() + 30, TimeUnit.SECONDS);
        Map<String, Long> served = servedPerInstance();

        String figures = String.format("""
                        === scale-out drill ===
                        %s
                        %s
                        - %s
                        - cluster of %d brokers up in %.1f s; %d instances and the balancer ready in %.1f s; drill %.1f s
                        - killed -9 a third into the rush: %s (orders: the instance holding the outbox relay lock)
                        - relay taken over by %s after %s s; %d orders outbox rows relayed after the kill
                        - unsent outbox rows at the end: %s; duplicate shipments: %d
                        - requests served per instance (HAProxy): %s
                        """, FaultOutcome.HEADER, outcome.row(), outcome.details(), BROKERS, clusterSeconds,
                Marketplace.ORDER.size() * REPLICAS, instancesSeconds, drillSeconds, kills.killed, kills.survivor,
                takeover == null ? "(not seen)" : String.format("%.2f", takeover), relayedAfterKill, unsent,
                duplicateShipments, served);
        System.out.println(figures);
        Files.writeString(Marketplace.repoRoot().resolve("services/e2e/target/scale-out.md"), figures);

        assertAll(
                outcome::assertInvariants,
                () -> assertEquals(Map.of("catalog", 0L, "livestream", 0L, "orders", 0L, "logistics", 0L), unsent,
                        "no outbox row left unsent in any service's database"),
                () -> assertEquals(0, duplicateShipments, "one shipment per order"),
                () -> assertNotNull(takeover, "the surviving orders instance took the relay lock after the kill"),
                () -> assertTrue(relayedAfterKill > 0, "orders events were relayed after the relaying instance died"),
                () -> assertEquals(Marketplace.ORDER.size() * REPLICAS, served.size(), "HAProxy knows every instance"),
                () -> assertTrue(served.values().stream().allMatch(n -> n > 0),
                        "every instance served requests: " + served));
    }

    /** The fault: the relaying orders instance, one broker and one instance of each other service, kill -9. */
    private static final class Kills {
        final Map<String, Long> killed = new LinkedHashMap<>();
        volatile Instant at;
        volatile String survivor;
        final CompletableFuture<Double> takeover = new CompletableFuture<>();

        void inject() throws Exception {
            E2eDatabase orders = database("orders");
            List<String> instances = marketplace.instances("orders");
            // The lock is transaction-scoped: held for each batch the relay sends, so it is sampled every 5 ms.
            String relaying = orders.poll(RELAY_HOLDER, instances::contains, Duration.ofSeconds(60),
                    Duration.ofMillis(5));
            if (relaying == null) {
                throw new IllegalStateException("no orders instance was seen holding the outbox relay lock");
            }
            at = Instant.now();
            killed.put(relaying, marketplace.kill(relaying));
            killed.put("kafka-1", killBroker(1));
            for (String service : List.of("catalog", "livestream", "logistics")) {
                String instance = marketplace.instances(service).get(0);
                killed.put(instance, marketplace.kill(instance));
            }
            survivor = instances.stream().filter(i -> !i.equals(relaying)).findFirst().orElseThrow();
            CompletableFuture.runAsync(() -> {
                String holder = orders.poll(RELAY_HOLDER, survivor::equals, OUTBOX_DRAIN, Duration.ofMillis(5));
                takeover.complete(holder == null ? null : Duration.between(at, Instant.now()).toMillis() / 1000.0);
            });
        }
    }

    /** kill -9 of node {@code id} of this test's cluster, found by its pid file: no other broker can be hit. */
    private static long killBroker(int id) throws Exception {
        long pid = Long.parseLong(Files.readString(run().resolve("pids/kafka-" + id + ".pid")).trim());
        ProcessHandle broker = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("kafka-" + id + " (pid " + pid + ") is not running"));
        broker.destroyForcibly();
        broker.onExit().get(30, TimeUnit.SECONDS);
        return pid;
    }

    /** Unsent outbox rows per service, once all are 0 or {@link #OUTBOX_DRAIN} has passed. */
    private static Map<String, Long> awaitOutboxesDrained() {
        Map<String, Long> unsent = new LinkedHashMap<>();
        try {
            Awaitility.await("every outbox drained").atMost(OUTBOX_DRAIN).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        Marketplace.ORDER.forEach(service -> unsent.put(service, database(service)
                                .count("select count(*) from outbox_message where sent_at is null")));
                        return unsent.values().stream().allMatch(n -> n == 0);
                    });
        } catch (ConditionTimeoutException e) {
            // reported by the assertion, with the counts
        }
        return unsent;
    }

    /** Requests each instance served, from HAProxy's statistics (CSV: pxname, svname, ..., stot is column 8). */
    private static Map<String, Long> servedPerInstance() {
        Map<String, Long> served = new java.util.TreeMap<>();
        String csv = new Http(2).get("http://127.0.0.1:" + BALANCER_STATS_PORT + "/stats;csv", null).expect(200).raw();
        for (String line : csv.split("\n")) {
            String[] columns = line.split(",");
            if (columns.length > 7 && BALANCED.containsKey(columns[0]) && !columns[1].equals("FRONTEND")
                    && !columns[1].equals("BACKEND")) {
                served.put(columns[1], Long.parseLong(columns[7]));
            }
        }
        return served;
    }

    /**
     * The event topics, declared up front with 3 partitions and 3 replicas, as production declares them (KafkaTopic):
     * with one broker dead, a topic first needed then could not be created with its replication factor.
     */
    private static void createTopics() throws Exception {
        List<CompletableFuture<Void>> creations = new ArrayList<>();
        for (String service : Marketplace.ORDER) {
            creations.add(CompletableFuture.runAsync(() -> {
                try {
                    Faults.script(environment(), "scale/topics.log", Duration.ofMinutes(2), "infra.sh", "kafka",
                            "topics", "--bootstrap-server", bootstrap(), "--create", "--if-not-exists",
                            "--topic", NAME + ".harvest." + service + ".events", "--partitions", "3",
                            "--replication-factor", String.valueOf(BROKERS));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        CompletableFuture.allOf(creations.toArray(CompletableFuture[]::new)).get();
    }

    private static List<Integer> instancePorts(String service) {
        List<Integer> ports = new ArrayList<>();
        for (int i = 1; i <= REPLICAS; i++) {
            ports.add(BALANCED.get(service) + INSTANCE_PORT_STEP * i);
        }
        return ports;
    }

    private static Map<String, String> balanced() {
        return Marketplace.urls(BALANCED);
    }

    private static String bootstrap() {
        List<String> brokers = new ArrayList<>();
        for (int i = 0; i < BROKERS; i++) {
            brokers.add("127.0.0.1:" + (KAFKA_PORT + 2 * i));
        }
        return String.join(",", brokers);
    }

    private static E2eDatabase database(String service) {
        return new E2eDatabase(service, Marketplace.database(service, NAME));
    }

    private static Path run() {
        return Marketplace.repoRoot().resolve("services/e2e/target/scale-run");
    }

    private static Map<String, String> environment() {
        return Map.of("HARVEST_RUN_DIR", run().toString(), "KAFKA_PORT", String.valueOf(KAFKA_PORT),
                "KAFKA_CONTROLLER_PORT", String.valueOf(KAFKA_PORT + 1), "KAFKA_HEAP_OPTS", "-Xms128m -Xmx384m",
                "BALANCER_STATS_PORT", String.valueOf(BALANCER_STATS_PORT));
    }

    private static String[] prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all.toArray(String[]::new);
    }

    private static void quietly(String script, String... args) {
        try {
            Faults.script(environment(), "scale/teardown.log", Duration.ofMinutes(2), script, args);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
