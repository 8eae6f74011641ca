package live.harvest.e2e;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the fault suite breaks, each as it happens in production, against the real infrastructure of this machine.
 * Every action returns once the fault is over (the crashed thing runs again), so callers can time convergence.
 */
final class Faults {

    private Faults() {
    }

    /** kill -9 of a service, then the same jar again after {@code downtime}, awaited until ready. */
    static void crashService(String service, Duration downtime) throws Exception {
        Marketplace.crash(service); // returns once the process is gone
        Drive.pause(downtime.toMillis()); // the outage itself, not a wait for a condition
        Marketplace.restart(service);
    }

    /** A database blip: every connection of each service's e2e database is terminated at the same instant. */
    static void databaseBlip(String... services) {
        for (String service : services) {
            long killed = new E2eDatabase(service).terminateConnections();
            if (killed == 0) {
                throw new IllegalStateException(service + " had no database connection to terminate");
            }
        }
    }

    /**
     * A Redis restart, as the e2e services see it. Redis on this machine is shared (other tests use other logical
     * databases), so it is not ours to restart; instead the e2e database is emptied (FLUSHDB: a restart without
     * persistence loses everything) and every client connected to it is disconnected (CLIENT KILL: a restart drops
     * every connection), which is what a restart does to the services.
     */
    static void redisRestart() throws IOException {
        try (Socket socket = new Socket(E2eDatabase.env("REDIS_HOST", "127.0.0.1"),
                Integer.parseInt(E2eDatabase.env("REDIS_PORT", "6379")))) {
            Resp redis = new Resp(socket);
            redis.call("SELECT", String.valueOf(Marketplace.REDIS_DB));
            String me = redis.call("CLIENT", "ID");
            redis.call("FLUSHDB");
            for (String client : redis.call("CLIENT", "LIST").split("\n")) {
                String id = field(client, "id");
                if (("" + Marketplace.REDIS_DB).equals(field(client, "db")) && !id.equals(me)) {
                    redis.call("CLIENT", "KILL", "ID", id);
                }
            }
        }
    }

    /**
     * kill -9 of the Kafka broker the e2e services use (the one listening on the port of
     * {@code KAFKA_BOOTSTRAP_SERVERS}, 9092 by default: another cluster on this machine, e.g. the scale-out drill's, is
     * left alone); after {@code outage} it is started again by this checkout's {@code infra.sh up kafka} in the run
     * directory the broker was started from (its data, its pid file), found from its command line.
     * {@code whileDown} runs in the middle of the outage.
     */
    static void crashBroker(Duration outage, Runnable whileDown) throws Exception {
        String bootstrap = E2eDatabase.env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092").split(",")[0];
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        List<ProcessHandle> brokers = ProcessHandle.allProcesses().filter(p -> listensOn(p, port)).toList();
        if (brokers.size() != 1) {
            throw new IllegalStateException("expected one local Kafka broker on port " + port
                    + " (infra.sh up kafka), found " + brokers);
        }
        ProcessHandle broker = brokers.get(0);
        String logsDir = commandLine(broker).stream()
                .filter(a -> a.startsWith("-Dkafka.logs.dir=")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the broker was not started by infra.sh"))
                .substring("-Dkafka.logs.dir=".length());
        broker.destroyForcibly();
        broker.onExit().get(30, TimeUnit.SECONDS);
        try {
            // The outage's length is the fault being tested, not a wait for a condition.
            Drive.pause(outage.toMillis() / 2);
            whileDown.run();
            Drive.pause(outage.toMillis() / 2);
        } finally {
            // Always bring it back: the broker is shared by everything on this machine.
            script(Map.of("HARVEST_RUN_DIR", Path.of(logsDir).getParent().toString()), "infra-kafka.log",
                    Duration.ofSeconds(120), "infra.sh", "up", "kafka");
        }
    }

    /**
     * Runs one of this checkout's {@code deploy/local} scripts with extra environment, its output appended to
     * {@code services/e2e/target/service-logs/<log>}; fails unless it exits 0 within {@code timeout}.
     */
    static void script(Map<String, String> env, String log, Duration timeout, String script, String... args)
            throws IOException, InterruptedException {
        Path root = Marketplace.repoRoot();
        List<String> command = new java.util.ArrayList<>(List.of(root.resolve("deploy/local/" + script).toString()));
        command.addAll(List.of(args));
        Path logFile = root.resolve("services/e2e/target/service-logs/" + log);
        java.nio.file.Files.createDirectories(logFile.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeout + "; see " + logFile);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + logFile);
        }
    }

    /** A Kafka broker whose listeners (in the properties file its command line ends with) include {@code port}. */
    private static boolean listensOn(ProcessHandle process, int port) {
        List<String> command = commandLine(process);
        if (!command.contains("kafka.Kafka")) {
            return false;
        }
        try {
            return java.nio.file.Files.readAllLines(Path.of(command.get(command.size() - 1))).stream()
                    .anyMatch(line -> line.matches("listeners=(.*,)?PLAINTEXT://[^,]*:" + port + "(,.*)?"));
        } catch (IOException | RuntimeException e) {
            return false; // not readable, or gone
        }
    }

    /**
     * A process's arguments from /proc (Linux, as CI): {@code ProcessHandle.Info.arguments()} comes back empty for
     * the broker, whose classpath makes its command line very long.
     */
    private static List<String> commandLine(ProcessHandle process) {
        try {
            byte[] raw = java.nio.file.Files.readAllBytes(Path.of("/proc/" + process.pid() + "/cmdline"));
            return List.of(new String(raw, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            return List.of(); // gone, or not ours to read
        }
    }

    private static String field(String clientLine, String name) {
        for (String pair : clientLine.trim().split(" ")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return "";
    }

    /** Just enough of the Redis protocol (RESP2) for the commands above: no client library for three commands. */
    private static final class Resp {
        private final InputStream in;
        private final OutputStream out;

        Resp(Socket socket) throws IOException {
            this.in = new BufferedInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        String call(String... args) throws IOException {
            StringBuilder command = new StringBuilder("*" + args.length + "\r\n");
            for (String arg : args) {
                command.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
                        .append(arg).append("\r\n");
            }
            out.write(command.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return reply();
        }

        private String reply() throws IOException {
            char type = (char) in.read();
            String line = line();
            return switch (type) {
                case '+', ':' -> line;
                case '-' -> throw new IOException("Redis: " + line);
                case '$' -> Integer.parseInt(line) < 0 ? null
                        : new String(bytes(Integer.parseInt(line)), StandardCharsets.UTF_8);
                default -> throw new IOException("Unexpected Redis reply " + type + line);
            };
        }

        private byte[] bytes(int length) throws IOException {
            byte[] data = in.readNBytes(length + 2); // and the trailing CRLF
            return java.util.Arrays.copyOf(data, length);
        }

        private String line() throws IOException {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            for (int b = in.read(); b != '\r'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("Redis closed the connection");
                }
                bytes.write(b);
            }
            in.read(); // '\n'
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
