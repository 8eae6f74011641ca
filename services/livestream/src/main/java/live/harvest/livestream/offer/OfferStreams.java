package live.harvest.livestream.offer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Which stream an offer belongs to, for messages that name only the offer (orders' stock hints). Never changes: cached. */
@ApplicationScoped
public class OfferStreams {

    private static final int MAX_CACHED = 10_000;

    private final OfferRepository offers;
    private final Map<UUID, UUID> streamOf = new ConcurrentHashMap<>();

    public OfferStreams(OfferRepository offers) {
        this.offers = offers;
    }

    /** The offer's stream; empty for an offer this service does not know. Reads PostgreSQL on a miss. */
    public Optional<UUID> streamOf(UUID offerId) {
        UUID known = streamOf.get(offerId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<UUID> found = QuarkusTransaction.requiringNew()
                .call(() -> offers.findByIdOptional(offerId).map(offer -> offer.streamId));
        found.ifPresent(stream -> {
            if (streamOf.size() >= MAX_CACHED) {
                streamOf.clear(); // a day's offers fit many times over; the rare clear costs one read per offer
            }
            streamOf.put(offerId, stream);
        });
        return found;
    }
}
