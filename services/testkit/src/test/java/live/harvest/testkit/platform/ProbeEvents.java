package live.harvest.testkit.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import live.harvest.platform.inbox.IncomingEvents;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentDelivered;
import io.smallrye.common.annotation.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A consumer shaped like the services' ones: dedupe via the inbox, apply the change, same transaction. */
@ApplicationScoped
public class ProbeEvents {

    public static final String TOPIC = "harvest.test.probe";

    private final IncomingEvents incoming;
    private final EntityManager em;

    public ProbeEvents(IncomingEvents incoming, EntityManager em) {
        this.incoming = incoming;
        this.em = em;
    }

    @Incoming("probe-in")
    @Blocking
    @Transactional
    public void on(String record) {
        incoming.accept("platform-test", record).ifPresent(delivery -> {
            if (delivery.event() instanceof ShipmentDelivered delivered) {
                em.createNativeQuery("insert into probe_effect (event_id, note) values (?1, ?2)")
                        .setParameter(1, delivery.envelope().eventId())
                        .setParameter(2, delivered.recipientName())
                        .executeUpdate();
            }
        });
    }
}
