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
 * Started once per test run. They get databases, a Redis logical database, consumer groups and a Kafka topic
 * namespace of their own ({@code harvest_<svc>_e2e}, {@link #REDIS_DB}, {@code <svc>-e2e}, {@link #TOPIC_PREFIX};
 * ADR 0017), so the fault suite can flush that Redis and cut those connections without touching the services' own
 * tests or a stack running on the same machine, and none of them sees the others' events. The fault suite may also
 * crash and restart one service.
 */
public final class Marketplace implements BeforeAllCallback, ExtensionContext.Store.CloseableResource, AutoCloseable {

    public static final Map<String, Integer> PORTS = Map.of(
            "catalog", 18081, "livestream", 18082, "orders", 18083, "logistics", 18084);
    private static final List<String> ORDER = List.of("catalog", "livestream", "orders", "logistics");
    /** The services' own tests use Redis databases 1 and 2; the live stack uses 0. */
    public static final int REDIS_DB = 8;
    /** In front of every topic name (ADR 0017): the stack has none, the services' own tests use {@code test.}. */
    public static final String TOPIC_PREFIX = "e2e.";
    /** Connections each service may open: four of them beside the stack and a test JVM fit PostgreSQL's 100. */
    static final int DB_POOL_MAX = 6;

    private static Marketplace running;
    private final Map<String, ProcessBuilder> builders = new LinkedHashMap<>();
    private final Map<String, Process> processes = new java.util.concurrent.ConcurrentHashMap<>();

    public static String url(String service) {
        return "http://127.0.0.1:" + PORTS.get(service);
    }

    public static String database(String service) {
        return "harvest_" + service + "_e2e";
    }

    /** SIGKILL, as the kernel's OOM killer or a lost node would: no shutdown hooks, no graceful drain. */
    public static void crash(String service) throws InterruptedException {
        Process process = running.processes.get(service);
        process.destroyForcibly();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException(service + " survived SIGKILL");
        }
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

    private void start() throws IOException {
        Path root = repoRoot();
        Files.createDirectories(log("catalog").getParent());
        String publicKey = publicKeyBody();
        for (String service : ORDER) {
            Path jar = root.resolve("services/" + service + "/target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify does)");
            }
            Files.deleteIfExists(log(service));
            // Appended to, so a restarted service's log follows the crashed one's.
            ProcessBuilder builder = new ProcessBuilder("java", "-Xmx384m", "-XX:+UseSerialGC", "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log(service).toFile()));
            builder.environment().putAll(environment(service, publicKey));
            builders.put(service, builder);
            launch(service);
        }
        for (String service : ORDER) {
            awaitReady(service, url(service), log(service));
        }
    }

    private void launch(String service) throws IOException {
        processes.put(service, builders.get(service).start());
    }

    private Path log(String service) {
        return repoRoot().resolve("services/e2e/target/service-logs/" + service + ".log");
    }

    /**
     * As {@code stack.sh} runs them: the prod profile plus {@code local}, which also trusts the test key so the
     * scenario can mint thousands of buyers; services call each other with their Keycloak service tokens.
     */
    private Map<String, String> environment(String service, String publicKey) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HTTP_PORT", String.valueOf(PORTS.get(service)));
        env.put("DB_NAME", database(service));
        env.put("REDIS_DB", String.valueOf(REDIS_DB));
        env.put("KAFKA_GROUP_ID", service + "-e2e");
        env.put("HARVEST_KAFKA_TOPIC_PREFIX", TOPIC_PREFIX);
        env.put("DB_POOL_MAX", String.valueOf(DB_POOL_MAX));
        env.put("QUARKUS_PROFILE", "prod,local");
        env.put("LOCAL_JWT_PUBLIC_KEY", publicKey);
        PORTS.forEach((name, port) -> env.put(name.toUpperCase() + "_URL", url(name)));
        return env;
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
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")).build();
        Awaitility.await(service + " ready (log: " + log + ")")
                .atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
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
