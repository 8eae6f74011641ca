package live.harvest.platform.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import live.harvest.platform.event.TopicNamespace;
import live.harvest.platform.event.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

/**
 * Re-publishes dead-lettered records of this service ({@code harvest.dlq.<service>}) to the topic they came from
 * (header {@code dead-letter-topic}), with their key, value and original headers. Every consumer of that topic sees
 * the record again; the inbox makes that harmless for those that had applied it. Meant for after a fix: a record
 * that is still poison simply returns to the dead-letter topic.
 */
@ApplicationScoped
public class DeadLetterReplay {

    public static final String HEADER_REPLAYED_FROM = "replayed-from";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration READ_LIMIT = Duration.ofSeconds(20);

    public record Result(String deadLetterTopic, int scanned, int replayed, Map<Integer, Long> nextOffsets) {
    }

    private final String bootstrapServers;
    private final String deadLetterTopic;
    private final TopicNamespace topics;

    public DeadLetterReplay(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                            @ConfigProperty(name = "quarkus.application.name") String service, TopicNamespace topics) {
        this.bootstrapServers = bootstrapServers;
        this.deadLetterTopic = topics.onBroker(Topics.deadLetter(service));
        this.topics = topics;
    }

    /**
     * @param originalTopic only records that came from this topic, named as in {@link Topics} (null: all)
     * @param partition     only this partition of the dead-letter topic (null: all)
     * @param fromOffset    first offset to look at on each partition read (null: the beginning)
     * @param max           most records to re-publish
     */
    public Result replay(String originalTopic, Integer partition, Long fromOffset, int max) {
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(readerProps());
             KafkaProducer<String, String> writer = new KafkaProducer<>(writerProps())) {
            List<TopicPartition> partitions = reader.partitionsFor(deadLetterTopic, POLL.multipliedBy(10)).stream()
                    .filter(p -> partition == null || p.partition() == partition)
                    .map(p -> new TopicPartition(deadLetterTopic, p.partition())).toList();
            reader.assign(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
            for (TopicPartition read : partitions) {
                reader.seek(read, fromOffset == null ? 0 : fromOffset);
            }
            String wanted = originalTopic == null ? null : topics.onBroker(originalTopic);
            int scanned = 0;
            int replayed = 0;
            Map<Integer, Long> next = new TreeMap<>();
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (replayed < max && !drained(reader, partitions, ends) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : reader.poll(POLL)) {
                    if (replayed >= max || record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        break;
                    }
                    scanned++;
                    next.put(record.partition(), record.offset() + 1);
                    String cameFrom = text(record.headers().lastHeader("dead-letter-topic"));
                    if (cameFrom != null && (wanted == null || wanted.equals(cameFrom))) {
                        writer.send(republished(record, cameFrom)).get();
                        replayed++;
                    }
                }
            }
            return new Result(deadLetterTopic, scanned, replayed, next);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Replay interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Replay could not publish: " + e.getCause().getMessage(), e);
        }
    }

    private static boolean drained(KafkaConsumer<?, ?> reader, List<TopicPartition> partitions,
                                   Map<TopicPartition, Long> ends) {
        return partitions.stream().allMatch(p -> reader.position(p) >= ends.get(p));
    }

    /** The original record again: the dead-letter bookkeeping headers dropped, where it was replayed from added. */
    private ProducerRecord<String, String> republished(ConsumerRecord<String, String> record, String topic) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("dead-letter-")) {
                headers.add(header);
            }
        }
        headers.add(HEADER_REPLAYED_FROM, (deadLetterTopic + ":" + record.partition() + ":" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, record.key(), record.value(), headers);
    }

    private static String text(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private Properties readerProps() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return props;
    }

    private Properties writerProps() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return props;
    }
}
