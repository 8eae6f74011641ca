package live.harvest.testkit.platform;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import live.harvest.platform.consumer.EventDispatcher;
import live.harvest.platform.consumer.EventHandler;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentDelivered;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** A consumer shaped like the services' ones: a one-line entry point per channel, a handler per event type. */
@ApplicationScoped
public class ProbeEvents {

    public static final String TOPIC = "harvest.test.probe";
    public static final String CONSUMER = "platform-test";
    /** A second channel, on its own topic, that applies each poll's records in one transaction. */
    public static final String BATCH_TOPIC = "harvest.test.probe-batch";
    public static final String BATCH_CONSUMER = "platform-test-batch";

    private final EventDispatcher dispatcher;

    public ProbeEvents(EventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Incoming("probe-in")
    @Blocking
    public CompletionStage<Void> on(Message<String> record) {
        return dispatcher.dispatch(CONSUMER, record);
    }

    @Incoming("probe-batch-in")
    @Blocking
    public CompletionStage<Void> onBatch(KafkaRecordBatch<String, String> batch) {
        return dispatcher.dispatch(BATCH_CONSUMER, batch);
    }

    /**
     * Records one {@code probe_effect} row per applied event, then lets {@link ProbeFaults} fail the unit when a
     * test armed a fault for this recipient (after the write, so a rollback has something to undo).
     */
    @Produces
    @Singleton
    EventHandler<ShipmentDelivered> delivered(EntityManager em, ProbeFaults faults) {
        return (delivered, envelope) -> {
            em.createNativeQuery("insert into probe_effect (event_id, note) values (?1, ?2)")
                    .setParameter(1, envelope.eventId())
                    .setParameter(2, delivered.recipientName())
                    .executeUpdate();
            faults.maybeFail(delivered.recipientName());
        };
    }
}
