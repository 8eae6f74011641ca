package live.harvest.platform.consumer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records not yet processed per incoming channel: the partitions' end offsets minus the group's committed offsets
 * (what {@code kafka-consumer-groups --describe} shows). A partition stuck on a transient failure shows up here.
 * Asked on the consumer's own polling thread every few seconds; a broker that does not answer leaves the last value.
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(2);

    private final KafkaClientService kafka;
    private final MeterRegistry meters;
    private final Map<String, AtomicLong> lagByChannel = new ConcurrentHashMap<>();

    public ConsumerLag(KafkaClientService kafka, MeterRegistry meters) {
        this.kafka = kafka;
        this.meters = meters;
    }

    /** The last measured lag of each incoming channel. */
    public Map<String, Long> byChannel() {
        Map<String, Long> view = new TreeMap<>();
        lagByChannel.forEach((channel, lag) -> view.put(channel, lag.get()));
        return view;
    }

    @Scheduled(every = "${harvest.consumer.lag-refresh:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        for (String channel : kafka.getConsumerChannels()) {
            try {
                long lag = kafka.<Object, Object>getConsumer(channel).runOnPollingThread(consumer -> {
                    Set<TopicPartition> assigned = consumer.assignment();
                    if (assigned.isEmpty()) {
                        return 0L;
                    }
                    Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, ASK_TIMEOUT);
                    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned, ASK_TIMEOUT);
                    long total = 0;
                    for (TopicPartition partition : assigned) {
                        OffsetAndMetadata done = committed.get(partition);
                        total += Math.max(0, ends.getOrDefault(partition, 0L) - (done == null ? 0 : done.offset()));
                    }
                    return total;
                }).await().atMost(ASK_TIMEOUT.multipliedBy(3));
                gauge(channel).set(lag);
            } catch (RuntimeException e) {
                LOG.debugf("Consumer lag of %s not measured this time: %s", channel, e.getMessage());
            }
        }
    }

    private AtomicLong gauge(String channel) {
        return lagByChannel.computeIfAbsent(channel, c -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("harvest.consumer.lag", value, AtomicLong::get).tag("channel", c)
                    .description("Records on the channel's partitions not yet processed and committed").register(meters);
            return value;
        });
    }
}
