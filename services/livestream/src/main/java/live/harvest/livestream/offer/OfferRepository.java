package live.harvest.livestream.offer;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import live.harvest.platform.problem.DomainException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OfferRepository implements PanacheRepositoryBase<Offer, UUID> {

    /** Hibernate's lock-timeout value for SKIP LOCKED. */
    private static final int SKIP_LOCKED = -2;

    public List<Offer> ofStream(UUID streamId) {
        return list("streamId = ?1 order by openedAt, id", streamId);
    }

    public List<Offer> openOf(UUID streamId) {
        return list("streamId = ?1 and status = ?2 order by pinned desc, openedAt, id", streamId, OfferStatus.OPEN);
    }

    public Offer requireInStream(UUID streamId, UUID offerId) {
        return findByIdOptional(offerId).filter(o -> o.streamId.equals(streamId))
                .orElseThrow(() -> DomainException.notFound("Offer", offerId));
    }

    public Optional<Offer> lock(UUID offerId) {
        return findByIdOptional(offerId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Unpins whatever is pinned in the stream, right away (before inserting a newly pinned row). */
    public Optional<UUID> unpinAll(UUID streamId) {
        Optional<UUID> previous = find("streamId = ?1 and pinned = true", streamId)
                .<Offer>firstResultOptional().map(o -> o.id);
        update("pinned = false where streamId = ?1 and pinned = true", streamId);
        return previous;
    }

    /** Open offers whose end time passed, locked; rows another instance is closing are skipped. */
    public List<Offer> lockExpired(Instant now, int max) {
        return find("status = ?1 and endsAt <= ?2 order by endsAt", OfferStatus.OPEN, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .page(0, max).list();
    }
}
