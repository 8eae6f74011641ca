package live.harvest.livestream.stream;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import live.harvest.platform.problem.DomainException;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StreamRepository implements PanacheRepositoryBase<Stream, UUID> {

    public Stream require(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> DomainException.notFound("Stream", id));
    }

    /** The stream row locked for the rest of the transaction, which serialises its state changes. */
    public Stream requireForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> DomainException.notFound("Stream", id));
    }

    public boolean sellerIsLiveElsewhere(UUID sellerId, UUID streamId) {
        return count("sellerId = ?1 and status = ?2 and id <> ?3", sellerId, StreamStatus.LIVE, streamId) > 0;
    }

    /** Public discovery. {@code regionPrefix} is a province (2), city (4) or county (6) code prefix, or null. */
    public List<Stream> discover(StreamStatus status, String regionPrefix, String category, int page, int size) {
        StringBuilder query = new StringBuilder("status = :status");
        Parameters params = Parameters.with("status", status);
        if (regionPrefix != null) {
            query.append(" and homeCountyCode like :region");
            params.and("region", regionPrefix + "%");
        }
        if (category != null) {
            query.append(" and category = :category");
            params.and("category", category);
        }
        query.append(status == StreamStatus.LIVE ? " order by startedAt desc, id" : " order by plannedStart, id");
        return find(query.toString(), params).page(Page.of(page, size)).list();
    }

    public List<Stream> ofSeller(UUID sellerId, int page, int size) {
        return find("sellerId = ?1 order by createdAt desc, id", sellerId).page(Page.of(page, size)).list();
    }
}
