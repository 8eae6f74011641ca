package live.harvest.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.platform.event.DomainEvent;
import live.harvest.platform.event.EventCodec;
import live.harvest.platform.event.EventEnvelope;

import java.util.Optional;

/**
 * Entry point for every Kafka consumer: parse the envelope, drop duplicates, hand over the typed event.
 * Use from an {@code @Incoming @Blocking @Transactional} method; an unreadable record throws
 * {@link live.harvest.platform.event.PoisonMessageException}, which nacks it to the channel's dead-letter topic.
 */
@ApplicationScoped
public class IncomingEvents {

    public record Delivery(EventEnvelope envelope, DomainEvent event) {
    }

    private final EventCodec codec;
    private final Inbox inbox;

    public IncomingEvents(EventCodec codec, Inbox inbox) {
        this.codec = codec;
        this.inbox = inbox;
    }

    /** @return the event if {@code consumer} has not applied it yet, empty for a redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Delivery> accept(String consumer, String record) {
        EventEnvelope envelope = codec.parse(record);
        DomainEvent event = codec.payload(envelope);
        if (!inbox.firstDelivery(consumer, envelope.eventId())) {
            return Optional.empty();
        }
        return Optional.of(new Delivery(envelope, event));
    }
}
