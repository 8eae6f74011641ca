package live.harvest.logistics.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import live.harvest.platform.event.EventCodec;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.event.orders.OrderEvents.DeliveryAddress;
import live.harvest.platform.event.orders.OrderEvents.OrderLine;
import live.harvest.platform.event.orders.OrderEvents.OrderPaid;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.awaitility.Awaitility;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * How fast a running logistics turns paid orders into routed shipments, and what each costs it in CPU (ADR 0027).
 * Seeds a one-county network in logistics' database, publishes {@code count} {@code orders.order-paid} events (a
 * warm-up round first) to the orders topic logistics reads, waits until each order is a ROUTED shipment, and prints
 * records/s and the logistics process's CPU (utime + stime from {@code /proc/<pid>/stat}) per record.
 * Run by {@code deploy/local/bench-routing.sh}, which starts logistics with its own database, topics and group.
 *
 * <p>Arguments: logistics pid, measured count, warm-up count. Environment: {@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code BENCH_TOPIC} (the orders topic on the broker, namespace included), {@code BENCH_JDBC_URL}, {@code DB_USER},
 * {@code DB_PASSWORD}.
 */
public final class RoutingBench {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final long pid;
    private final String topic;
    private final Connection db;
    private final String county = String.valueOf(100_000 + RANDOM.nextInt(900_000));
    private final EventCodec codec = new EventCodec(JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build());
    private final long ticksPerSecond;
    private int routedSoFar;

    private RoutingBench(long pid, String topic, Connection db) throws Exception {
        this.pid = pid;
        this.topic = topic;
        this.db = db;
        Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
        this.ticksPerSecond = Long.parseLong(new String(getconf.getInputStream().readAllBytes()).trim());
    }

    public static void main(String[] args) throws Exception {
        long pid = Long.parseLong(args[0]);
        int count = Integer.parseInt(args[1]);
        int warmUp = Integer.parseInt(args[2]);
        try (Connection db = DriverManager.getConnection(System.getenv("BENCH_JDBC_URL"), System.getenv("DB_USER"),
                System.getenv("DB_PASSWORD"))) {
            RoutingBench bench = new RoutingBench(pid, System.getenv("BENCH_TOPIC"), db);
            bench.seedNetwork();
            bench.round("warm-up", warmUp);
            bench.round("measured", count);
        }
    }

    private void seedNetwork() throws Exception {
        String now = "now()";
        execute("insert into county values ('" + county + "', 'Bench county', 'Zhejiang', " + now + ", " + now + ")");
        execute("insert into centre values ('CTR-" + county + "', '" + county + "', 'Bench centre', '1 Depot Road',"
                + " true, " + now + ", " + now + ")");
        execute("insert into station values ('STN-" + county + "', 'CTR-" + county + "', 'Bench station', true,"
                + " '08:00-20:00', " + now + ", " + now + ")");
        execute("insert into station_township values ('STN-" + county + "', '" + county + "101')");
    }

    private void round(String name, int count) throws Exception {
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        long cpuBefore = cpuMillis();
        long start = System.nanoTime();
        publish(count);
        long published = System.nanoTime();
        routedSoFar += count;
        long expected = routedSoFar;
        Awaitility.await("all " + expected + " routed").atMost(Duration.ofMinutes(15))
                .pollInterval(Duration.ofMillis(100)).until(() -> routed() >= expected);
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = cpuMillis() - cpuBefore;
        System.out.printf("%-8s %6d orders  published in %5.2f s  routed in %6.2f s  %7.1f orders/s  "
                        + "logistics CPU %7d ms = %6.2f ms per order  (load before: %s)%n", name, count,
                (published - start) / 1e9, seconds, count / seconds, cpu, (double) cpu / count, load);
    }

    private void publish(int count) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS",
                "127.0.0.1:9092"));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5"); // what the outbox relay's producer does
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < count; i++) {
                OrderPaid paid = orderPaid();
                producer.send(new ProducerRecord<>(topic, paid.orderId().toString(),
                        codec.toJson(codec.wrap(paid, "0".repeat(32)))));
            }
            producer.flush();
        }
    }

    private OrderPaid orderPaid() {
        UUID orderId = UUID.randomUUID();
        return new OrderPaid(orderId, UUID.randomUUID(), UUID.randomUUID(), county, null, "pay-" + orderId, 2_990,
                "CNY", List.of(new OrderLine(UUID.randomUUID(), UUID.randomUUID(), null, "Qiandao Lake fish", "1 kg",
                1, 2_990, 2_990, TemperatureClass.AMBIENT, "BATCH-1")), TemperatureClass.AMBIENT,
                new DeliveryAddress("Li Lei", "13800000000", county, county + "101", county + "101201", "No. 8"),
                Instant.now());
    }

    private int routed() throws Exception {
        try (PreparedStatement count = db.prepareStatement(
                "select count(*) from shipment where seller_county_code = ? and status = 'ROUTED'")) {
            count.setString(1, county);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** The logistics process's user + system CPU time so far (fields 14 and 15 of /proc/pid/stat, in ticks). */
    private long cpuMillis() throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1000 / ticksPerSecond;
    }

    private void execute(String sql) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }
}
