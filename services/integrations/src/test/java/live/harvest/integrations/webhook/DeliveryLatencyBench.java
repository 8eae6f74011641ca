package live.harvest.integrations.webhook;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.integrations.support.CommitClock;
import live.harvest.integrations.support.DomainEvents;
import live.harvest.integrations.support.Partners;
import live.harvest.integrations.support.Receiver;
import live.harvest.integrations.support.Recorder;
import live.harvest.integrations.support.WebhookPartner;
import live.harvest.platform.event.EventCodec;
import live.harvest.platform.event.EventEnvelope;
import live.harvest.platform.event.Topics;
import live.harvest.platform.security.Scopes;
import live.harvest.testkit.KafkaProbe;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A benchmark, not a test (its name keeps it out of every normal run). It records {@code bench.events} (default 3000)
 * events at {@code bench.rate} per second (default 300), lets the dispatcher deliver them to a local receiver, and
 * prints the latency from each event's commit to its arrival at the receiver (p50, p90, p99, max) and the rates.
 * {@code bench.path=recorded} (default) records them as the history does, {@code EventRecorded} fired in a
 * transaction of its own from 8 threads (the delivery row is inserted in it); {@code bench.path=kafka} publishes
 * {@code catalog.product-listed} envelopes to the test topic and the history consumer records them (the whole path;
 * its rate is then the consumer's).
 * <pre>
 * DB_TEST_NAME=harvest_integrations_webhooks_test INTEGRATIONS_TEST_GROUP=integrations-webhooks-test \
 *   ./mvnw -B test -pl services/integrations -Dtest=DeliveryLatencyBench -Dbench.events=3000 -Dbench.rate=300 \
 *   -Dbench.path=recorded -Dmaven.repo.local=...
 * </pre>
 */
@QuarkusTest
class DeliveryLatencyBench {

    @Inject
    EventCodec codec;

    @Inject
    CommitClock clock;

    @Inject
    Recorder recorder;

    @AfterAll
    static void deleteTheClientsThisClassCreated() {
        Partners.deleteTestClients();
    }

    @Test
    void measureCommittedToDeliveredLatencyAtAFewHundredEventsPerSecond() throws Exception {
        int events = Integer.getInteger("bench.events", 3000);
        int rate = Integer.getInteger("bench.rate", 300);
        String county = DomainEvents.county();
        WebhookPartner partner = WebhookPartner.countyCentre(List.of(county), Scopes.WEBHOOKS_MANAGE);
        try (Receiver receiver = Receiver.healthy(); KafkaProducer<String, String> producer = producer()) {
            String secret = (String) partner.subscribe(receiver.url(), List.of("catalog.*")).get("secret");
            String topic = KafkaProbe.onBroker(Topics.CATALOG);
            UUID seller = UUID.randomUUID();

            boolean viaKafka = "kafka".equals(System.getProperty("bench.path", "recorded"));
            ExecutorService recorders = Executors.newFixedThreadPool(8);
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                LockSupport.parkNanos(start + i * 1_000_000_000L / rate - System.nanoTime());
                if (viaKafka) {
                    EventEnvelope envelope = codec.wrap(DomainEvents.listed(seller, county), "0".repeat(32));
                    producer.send(new ProducerRecord<>(topic, envelope.aggregateId(), codec.toJson(envelope)));
                } else {
                    recorders.execute(() -> recorder.record("catalog.product-listed", county));
                }
            }
            producer.flush();
            recorders.shutdown();
            recorders.awaitTermination(1, TimeUnit.MINUTES);
            double sentSeconds = (System.nanoTime() - start) / 1e9;
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> receiver.received().size() >= events);

            List<Receiver.Received> received = receiver.received();
            List<Long> micros = new ArrayList<>();
            long firstArrival = Long.MAX_VALUE;
            long lastArrival = Long.MIN_VALUE;
            for (Receiver.Received r : received) {
                Long committed = clock.committedNanos(UUID.fromString(r.header("webhook-id")));
                micros.add((r.arrivedNanos() - committed) / 1_000);
                firstArrival = Math.min(firstArrival, r.arrivedNanos());
                lastArrival = Math.max(lastArrival, r.arrivedNanos());
            }
            Collections.sort(micros);
            System.out.printf("%nDeliveryLatencyBench (" + (viaKafka ? "kafka" : "recorded") + "): %d events recorded at %.0f/s (target %d/s), delivered at "
                            + "%.0f/s; committed -> delivered: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n%n",
                    events, events / sentSeconds, rate, (events - 1) / ((lastArrival - firstArrival) / 1e9),
                    at(micros, 0.50), at(micros, 0.90), at(micros, 0.99), micros.get(micros.size() - 1) / 1000.0);
            assertEquals(events, received.stream().map(r -> r.header("webhook-id")).distinct().count());
            keepASample(received.get(received.size() - 1), secret);
        }
    }

    /**
     * One real delivery as files under target/webhook-sample (body.json byte for byte, the three headers, the secret),
     * to try the openssl verification of docs/partners.md on.
     */
    private static void keepASample(Receiver.Received delivery, String secret) throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/webhook-sample"));
        java.nio.file.Files.writeString(dir.resolve("body.json"), delivery.body());
        java.nio.file.Files.writeString(dir.resolve("headers.env"), "WEBHOOK_ID='" + delivery.header("webhook-id")
                + "'\nWEBHOOK_TIMESTAMP='" + delivery.header("webhook-timestamp") + "'\nWEBHOOK_SIGNATURE='"
                + delivery.header("webhook-signature") + "'\nWEBHOOK_SECRET='" + secret + "'\n");
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1)) / 1000.0;
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaProbe.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        return new KafkaProducer<>(props);
    }
}
