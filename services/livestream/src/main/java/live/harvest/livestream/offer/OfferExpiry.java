package live.harvest.livestream.offer;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Closes offers at their end time. Safe on several instances: rows are locked with skip-locked. */
@ApplicationScoped
public class OfferExpiry {

    private final OfferService offers;

    public OfferExpiry(OfferService offers) {
        this.offers = offers;
    }

    @Scheduled(every = "${harvest.livestream.offers.expiry-check}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeDueOffers() {
        offers.closeExpired(Instant.now());
    }
}
