package live.harvest.integrations.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import live.harvest.platform.event.DomainEvent;
import live.harvest.platform.event.EventCodec;
import live.harvest.platform.event.EventEnvelope;
import live.harvest.platform.event.EventTypes;
import live.harvest.platform.event.catalog.CatalogEvents.ProductListed;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentCreated;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentDelivered;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentRouted;
import live.harvest.platform.event.orders.OrderEvents.DeliveryAddress;
import live.harvest.platform.event.orders.OrderEvents.OrderLine;
import live.harvest.platform.event.orders.OrderEvents.OrderPaid;
import live.harvest.platform.event.orders.OrderEvents.OrderPlaced;
import live.harvest.platform.event.orders.OrderEvents.OrderRefunded;
import live.harvest.testkit.KafkaProbe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.awaitility.Awaitility.await;

/**
 * Publishes real envelopes to the test namespace's domain topics, as the services' outbox relays do (keyed by
 * aggregate), and waits until integrations recorded them. Builders for the events the history tests need.
 */
@ApplicationScoped
public class DomainEvents {

    private final EventCodec codec;
    private final EntityManager em;

    public DomainEvents(EventCodec codec, EntityManager em) {
        this.codec = codec;
        this.em = em;
    }

    /** Wraps the event in a fresh envelope (a new event id). */
    public EventEnvelope wrap(DomainEvent event) {
        return codec.wrap(event, "0".repeat(32));
    }

    /** Sends the envelope to its contract's topic and returns it once integrations has recorded it. */
    public EventEnvelope publish(EventEnvelope envelope) {
        String topic = EventTypes.contractOf(EventTypes.byType(envelope.type()).orElseThrow()).topic();
        KafkaProbe.send(topic, envelope.aggregateId(), codec.toJson(envelope));
        await().atMost(Duration.ofSeconds(30)).until(() -> recorded(envelope.eventId()) > 0);
        return envelope;
    }

    public EventEnvelope publish(DomainEvent event) {
        return publish(wrap(event));
    }

    /** How many history rows hold this event id. */
    public long recorded(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from event_history where event_id = ?1").setParameter(1, eventId)
                .getSingleResult()).longValue());
    }

    /** A county code no other test uses (6 digits, not starting with 0). */
    public static String county() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(500_000, 1_000_000));
    }

    /** A logistics site code no other test uses. */
    public static String site(String kind) {
        return kind + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static OrderPlaced placed(UUID orderId, UUID sellerId) {
        return new OrderPlaced(orderId, UUID.randomUUID(), sellerId, null, List.of(line()), 2_990, "CNY",
                Instant.now());
    }

    public static OrderPaid paid(UUID orderId, UUID sellerId, String sellerCounty, String deliveryCounty,
                                 String paymentPartner) {
        return new OrderPaid(orderId, UUID.randomUUID(), sellerId, sellerCounty, null, "pay-" + UUID.randomUUID(),
                2_990, "CNY", List.of(line()), TemperatureClass.CHILLED,
                new DeliveryAddress("Li Lei", "13800000000", deliveryCounty, deliveryCounty + "100", null, "No. 8"),
                Instant.now(), paymentPartner);
    }

    public static OrderRefunded refunded(UUID orderId, UUID sellerId) {
        return new OrderRefunded(orderId, UUID.randomUUID(), sellerId, null, 2_990, "CNY", "spoiled", List.of());
    }

    public static ShipmentCreated created(UUID shipmentId, UUID orderId, String deliveryCounty) {
        return new ShipmentCreated(shipmentId, orderId, deliveryCounty + "100", Instant.now());
    }

    public static ShipmentRouted routed(UUID shipmentId, UUID orderId, String origin, String destination,
                                        String station) {
        return new ShipmentRouted(shipmentId, orderId, origin, destination, station, true, Instant.now());
    }

    public static ShipmentDelivered delivered(UUID shipmentId, UUID orderId) {
        return new ShipmentDelivered(shipmentId, orderId, "Li Lei", "POD-1", Instant.now());
    }

    public static ProductListed listed(UUID sellerId, String originCounty) {
        return new ProductListed(UUID.randomUUID(), sellerId, "Tea", "TEA", originCounty, originCounty + "100",
                null, TemperatureClass.AMBIENT, List.of());
    }

    private static OrderLine line() {
        return new OrderLine(UUID.randomUUID(), UUID.randomUUID(), null, "fish", "1 kg", 1, 2_990, 2_990,
                TemperatureClass.CHILLED, null);
    }
}
