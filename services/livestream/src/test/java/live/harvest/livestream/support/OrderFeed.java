package live.harvest.livestream.support;

import live.harvest.platform.event.DomainEvent;
import live.harvest.platform.event.EventCodec;
import live.harvest.platform.event.Topics;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.event.orders.OrderEvents.OrderLine;
import live.harvest.platform.event.orders.OrderEvents.OrderPlaced;
import live.harvest.testkit.KafkaProbe;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/** Plays the orders service: sends contract events in envelopes to the real orders topic. */
public final class OrderFeed implements AutoCloseable {

    private final EventCodec codec;
    private final KafkaProducer<String, String> producer;

    public OrderFeed(EventCodec codec) {
        this.codec = codec;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaProbe.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props);
    }

    public static OrderPlaced placed(UUID orderId, UUID sellerId, UUID streamId, UUID offerId, int units,
                                     long unitPriceFen) {
        OrderLine line = new OrderLine(UUID.randomUUID(), UUID.randomUUID(), offerId, "West Lake Longjing tea",
                "250 g tin", units, unitPriceFen, units * unitPriceFen, TemperatureClass.AMBIENT, "TRC-1");
        return new OrderPlaced(orderId, UUID.randomUUID(), sellerId, streamId, List.of(line), units * unitPriceFen,
                "CNY", Instant.now());
    }

    /** Wraps the event in a fresh envelope (a new event id) and returns its JSON. */
    public String envelope(DomainEvent event) {
        return codec.toJson(codec.wrap(event, "0".repeat(32)));
    }

    /** Sends a record without waiting; {@link #flush()} waits for all. */
    public void send(String key, String json) {
        producer.send(new ProducerRecord<>(KafkaProbe.onBroker(Topics.ORDERS), key, json));
    }

    public void send(DomainEvent event) {
        send(event.aggregateId(), envelope(event));
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
