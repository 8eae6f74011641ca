package live.harvest.e2e;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the four services from their packaged artifacts ({@code target/quarkus-app/quarkus-run.jar}), as a user
 * would run them, on their own ports, against the real Kafka, PostgreSQL and Redis; stops them after the last test.
 * As a JUnit extension it is the e2e deployment, started once per test run: databases, a Redis logical database,
 * consumer groups and a Kafka topic namespace of its own ({@code harvest_<svc>_e2e}, {@link #REDIS_DB},
 * {@code <svc>-e2e}, {@link #TOPIC_PREFIX}; ADR 0017), so the fault suite can flush that Redis and cut those
 * connections without touching the services' own tests or a stack running on the same machine, and none of them sees
 * the others' events. The fault suite may also crash and restart one service.
 * <p>
 * The scale-out drill ({@link ScaleOutIT}) builds another deployment with {@link #Marketplace(String, Map, int, String,
 * Map)}: several instances per service, its own name (databases {@code harvest_<svc>_<name>}, topics {@code <name>.},
 * groups {@code <svc>-<name>}), its own broker cluster and the addresses services call each other at (a balancer).
 */
public final class Marketplace implements BeforeAllCallback, ExtensionContext.Store.CloseableResource, AutoCloseable {

    public static final Map<String, Integer> PORTS = Map.of(
            "catalog", 18081, "livestream", 18082, "orders", 18083, "logistics", 18084);
    static final List<String> ORDER = List.of("catalog", "livestream", "orders", "logistics");
    /** The services' own tests use Redis databases 1 and 2; the live stack uses 0. */
    public static final int REDIS_DB = 8;
    /** In front of every topic name (ADR 0017): the stack has none, the services' own tests use {@code test.}. */
    public static final String TOPIC_PREFIX = "e2e.";
    /** Connections each service may open: four of them beside the stack and a test JVM fit PostgreSQL's 100. */
    static final int DB_POOL_MAX = 6;
    /**
     * Per instance when a service runs several (docs/architecture.md, "PostgreSQL connections"). 2 was too few: with
     * eight JVMs starting at once, Flyway timed out waiting for a connection.
     */
    static final int DB_POOL_MAX_PER_REPLICA = 4;
    private static final String E2E = "e2e";
    private static final Duration READY_WITHIN = Duration.ofSeconds(180);

    private static Marketplace running;
    private final String name;
    private final Map<String, List<Integer>> instancePorts;
    private final int redisDb;
    private final String kafkaBootstrap;
    private final Map<String, String> serviceUrls;
    private final Map<String, ProcessBuilder> builders = new LinkedHashMap<>();
    private final Map<String, Process> processes = new java.util.concurrent.ConcurrentHashMap<>();

    /** The e2e deployment (the JUnit extension): one instance per service on {@link #PORTS}. */
    public Marketplace() {
        this(E2E, singleInstances(), REDIS_DB, null, urls(PORTS));
    }

    /**
     * A deployment of its own.
     * @param name           suffix of its databases and consumer groups, and its topic prefix ({@code name.})
     * @param instancePorts  per service, the HTTP port of each instance (instances are named {@code <svc>-1}, ...;
     *                       a single instance is named after its service)
     * @param kafkaBootstrap the brokers, or null for the machine's ({@code KAFKA_BOOTSTRAP_SERVERS} or 127.0.0.1:9092)
     * @param serviceUrls    per service, the address the others call it at ({@code CATALOG_URL}, ...)
     */
    Marketplace(String name, Map<String, List<Integer>> instancePorts, int redisDb, String kafkaBootstrap,
                Map<String, String> serviceUrls) {
        this.name = name;
        this.instancePorts = instancePorts;
        this.redisDb = redisDb;
        this.kafkaBootstrap = kafkaBootstrap;
        this.serviceUrls = serviceUrls;
    }

    public static String url(String service) {
        return "http://127.0.0.1:" + PORTS.get(service);
    }

    /** The e2e deployment's addresses, as the scenario takes them. */
    static FlashSaleScenario.Endpoints endpoints() {
        return endpoints(urls(PORTS));
    }

    static FlashSaleScenario.Endpoints endpoints(Map<String, String> urls) {
        return new FlashSaleScenario.Endpoints(urls.get("catalog"), urls.get("livestream"), urls.get("orders"),
                urls.get("logistics"));
    }

    static Map<String, String> urls(Map<String, Integer> ports) {
        Map<String, String> urls = new LinkedHashMap<>();
        ORDER.forEach(service -> urls.put(service, "http://127.0.0.1:" + ports.get(service)));
        return urls;
    }

    public static String database(String service) {
        return database(service, E2E);
    }

    static String database(String service, String deployment) {
        return "harvest_" + service + "_" + deployment;
    }

    /** SIGKILL, as the kernel's OOM killer or a lost node would: no shutdown hooks, no graceful drain. */
    public static void crash(String service) throws InterruptedException {
        running.kill(service);
    }

    /** Starts the same jar with the same environment again and waits until it is ready. */
    public static void restart(String service) throws IOException {
        running.launch(service);
        awaitReady(service, url(service), running.log(service));
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        if (running == null) {
            running = this;
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(Marketplace.class.getName(), this);
            start();
        }
    }

    /** Every instance of every service started at once, then awaited until ready. */
    void start() throws IOException {
        Path root = repoRoot();
        String publicKey = publicKeyBody();
        for (String service : ORDER) {
            Path jar = root.resolve("services/" + service + "/target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify does)");
            }
            for (String instance : instances(service)) {
                Files.createDirectories(log(instance).getParent());
                Files.deleteIfExists(log(instance));
                // Appended to, so a restarted service's log follows the crashed one's.
                // The OIDC client awaits Keycloak's discovery for connection-timeout (10 s by default), whatever the
                // retries of OIDC_CONNECTION_DELAY. As system properties: QUARKUS_OIDC_CLIENT_CONNECTION_TIMEOUT in the
                // environment reads as an OIDC tenant named "client" and stops the start.
                List<String> command = new java.util.ArrayList<>(List.of("java", "-Xmx384m", "-XX:+UseSerialGC",
                        "-Dquarkus.oidc.connection-timeout=150S", "-Dquarkus.oidc-client.connection-timeout=150S"));
                if (instances(service).size() > 1) {
                    // C1 only: several JVMs per service start at once on a small machine; the drills they serve
                    // measure correctness, not peak speed.
                    command.add("-XX:TieredStopAtLevel=1");
                    // Flyway's first connection timed out after Agroal's default 5 s at a load average of 40.
                    command.add("-Dquarkus.datasource.jdbc.acquisition-timeout=60S");
                }
                command.addAll(List.of("-jar", jar.toString()));
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log(instance).toFile()));
                builder.environment().putAll(environment(service, instance, publicKey));
                builders.put(instance, builder);
                launch(instance);
            }
        }
        // n instances of each service start at once and share the machine's cores: each may take n times as long.
        Duration within = READY_WITHIN.multipliedBy(instancePorts.values().stream().mapToInt(List::size).max().orElse(1));
        for (String service : ORDER) {
            for (String instance : instances(service)) {
                awaitReady(instance, instanceUrl(instance), log(instance), within, processes.get(instance)::isAlive);
            }
        }
    }

    /** The instances of a service, by name: {@code orders} alone, or {@code orders-1}, {@code orders-2}, ... */
    List<String> instances(String service) {
        int count = instancePorts.get(service).size();
        return count == 1 ? List.of(service)
                : java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> service + "-" + i).toList();
    }

    String instanceUrl(String instance) {
        String service = instance.replaceFirst("-\\d+$", "");
        return "http://127.0.0.1:" + instancePorts.get(service).get(instances(service).indexOf(instance));
    }

    /** kill -9 of one instance; returns once the process is gone. */
    long kill(String instance) throws InterruptedException {
        Process process = processes.get(instance);
        process.destroyForcibly();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException(instance + " survived SIGKILL");
        }
        return process.pid();
    }

    private void launch(String instance) throws IOException {
        processes.put(instance, builders.get(instance).start());
    }

    private Path log(String instance) {
        String dir = E2E.equals(name) ? "service-logs/" : "service-logs/" + name + "/";
        return repoRoot().resolve("services/e2e/target/" + dir + instance + ".log");
    }

    /**
     * As {@code stack.sh} runs them: the prod profile plus {@code local}, which also trusts the test key so the
     * scenario can mint thousands of buyers; services call each other with their Keycloak service tokens.
     */
    private Map<String, String> environment(String service, String instance, String publicKey) {
        Map<String, String> env = new LinkedHashMap<>();
        String database = database(service, name);
        env.put("HTTP_PORT", instanceUrl(instance).substring(instanceUrl(instance).lastIndexOf(':') + 1));
        env.put("DB_NAME", database);
        // The instance's name on its database sessions: the drills see which instance holds a lock.
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + E2eDatabase.env("DB_HOST", "127.0.0.1") + ":"
                + E2eDatabase.env("DB_PORT", "5432") + "/" + database + "?ApplicationName=" + instance);
        env.put("REDIS_DB", String.valueOf(redisDb));
        env.put("KAFKA_GROUP_ID", service + "-" + name);
        env.put("HARVEST_KAFKA_TOPIC_PREFIX", name + ".");
        env.put("DB_POOL_MAX", String.valueOf(instances(service).size() == 1 ? DB_POOL_MAX : DB_POOL_MAX_PER_REPLICA));
        if (kafkaBootstrap != null) {
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        }
        env.put("QUARKUS_PROFILE", "prod,local");
        // Keycloak may answer slowly while many JVMs start at once: retry its discovery for up to 2 minutes (the start
        // waits as long: see the connection-timeout flags in start()).
        env.put("OIDC_CONNECTION_DELAY", "2M");
        env.put("LOCAL_JWT_PUBLIC_KEY", publicKey);
        serviceUrls.forEach((other, url) -> env.put(other.toUpperCase() + "_URL", url));
        return env;
    }

    private static Map<String, List<Integer>> singleInstances() {
        Map<String, List<Integer>> ports = new LinkedHashMap<>();
        PORTS.forEach((service, port) -> ports.put(service, List.of(port)));
        return ports;
    }

    /** The test public key as base64 DER (the PEM body), the form {@code LOCAL_JWT_PUBLIC_KEY} takes. */
    static String publicKeyBody() throws IOException {
        try (InputStream in = Marketplace.class.getClassLoader().getResourceAsStream("harvest-test-keys/publicKey.pem")) {
            if (in == null) {
                throw new IllegalStateException("Missing harvest-test-keys/publicKey.pem");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        }
    }

    static void awaitReady(String service, String baseUrl, Path log) {
        awaitReady(service, baseUrl, log, READY_WITHIN, () -> true);
    }

    /** Until {@code /q/health/ready} answers 200; fails at once when the process is gone ({@code alive} false). */
    static void awaitReady(String service, String baseUrl, Path log, Duration within,
                           java.util.function.BooleanSupplier alive) {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")).build();
        Awaitility.await(service + " ready (log: " + log + ")")
                .atMost(within).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!alive.getAsBoolean()) {
                        throw new IllegalStateException(service + " exited while starting; see " + log);
                    }
                    return client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
    }

    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        for (Process p : processes.values()) {
            try {
                if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
