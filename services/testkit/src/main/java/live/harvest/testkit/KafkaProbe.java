package live.harvest.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import live.harvest.platform.event.EventEnvelope;
import live.harvest.platform.event.TopicNamespace;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * Watches a topic on the real broker from "now" on, so a test sees only what it caused. Open it before acting,
 * then await the records you expect. Also sends raw records, for duplicate and poison-message tests.
 * Topics are named as in {@code Topics}; the probe puts the test profile's namespace in front ({@link #onBroker},
 * ADR 0017), so a test never touches the topics of a stack running on the same broker.
 */
public final class KafkaProbe implements AutoCloseable {

    public static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .build();

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new CopyOnWriteArrayList<>();

    private KafkaProbe(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos == null || infos.isEmpty()) {
                return false;
            }
            infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            return true;
        });
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before the test acts
    }

    /** Starts watching {@code topic} from its current end (creating it through auto-create if needed). */
    public static KafkaProbe watch(String topic) {
        return new KafkaProbe(onBroker(topic));
    }

    /** Watches a topic by its exact name on the broker, outside the namespace: for tests of the namespace itself. */
    public static KafkaProbe watchOutsideTheNamespace(String brokerTopic) {
        return new KafkaProbe(brokerTopic);
    }

    /**
     * The name on the broker of a topic from {@code Topics}: the running application's namespace
     * ({@code harvest.kafka.topic-prefix}, {@code test.} under %test) in front. For tests that produce with their own
     * client or compare a record's topic.
     */
    public static String onBroker(String topic) {
        return ConfigProvider.getConfig().getOptionalValue(TopicNamespace.PREFIX_PROPERTY, String.class).orElse("")
                + topic;
    }

    public static String bootstrapServers() {
        String fromEnv = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        return fromEnv == null || fromEnv.isBlank() ? "127.0.0.1:9092" : fromEnv;
    }

    /** Waits until a record matching {@code match} arrives and returns it. */
    public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            poll();
            seen.stream().filter(match).findFirst().ifPresent(found::add);
            return !found.isEmpty();
        });
        return found.get(0);
    }

    /** Waits for an event of {@code type} whose envelope satisfies {@code match}. */
    public EventEnvelope awaitEvent(String type, Predicate<EventEnvelope> match) {
        ConsumerRecord<String, String> record = await(r -> {
            EventEnvelope envelope = envelopeOrNull(r.value());
            return envelope != null && type.equals(envelope.type()) && match.test(envelope);
        }, Duration.ofSeconds(30));
        return envelope(record.value());
    }

    /** Everything received so far (polls once more first). */
    public List<ConsumerRecord<String, String>> received() {
        poll();
        return List.copyOf(seen);
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
    }

    public static EventEnvelope envelope(String json) {
        try {
            return JSON.readValue(json, EventEnvelope.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("Not an envelope: " + json, e);
        }
    }

    private static EventEnvelope envelopeOrNull(String json) {
        try {
            return JSON.readValue(json, EventEnvelope.class);
        } catch (Exception e) {
            return null;
        }
    }

    /** Sends a raw record to {@code topic} (named as in {@code Topics}) and waits for the broker's acknowledgement. */
    public static void send(String contractTopic, String key, String value) {
        sendTogether(contractTopic, key, List.of(value));
    }

    /**
     * Sends records to one partition of {@code topic} in ONE produce request (they become one record batch on the
     * broker, which a consumer fetches whole), so a batch consumer gets them in one poll.
     */
    public static void sendTogether(String contractTopic, String key, List<String> values) {
        String topic = onBroker(contractTopic);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "60000"); // nothing leaves before flush()
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (String value : values) {
                sent.add(producer.send(new ProducerRecord<>(topic, key, value)));
            }
            producer.flush();
            for (Future<RecordMetadata> s : sent) {
                s.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    /** Serializes any object (an envelope, a payload) the way services do. */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static <T> T payload(EventEnvelope envelope, Class<T> type) {
        return JSON.convertValue(envelope.payload(), type);
    }

    public static Map<String, Object> tree(String json) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = JSON.readValue(json, Map.class);
            return map;
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
