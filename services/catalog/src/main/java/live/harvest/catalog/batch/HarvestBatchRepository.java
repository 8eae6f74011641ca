package live.harvest.catalog.batch;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class HarvestBatchRepository implements PanacheRepositoryBase<HarvestBatch, UUID> {

    private static final Sort NEWEST_FIRST = Sort.descending("harvestDate", "createdAt").and("id");

    public List<HarvestBatch> ofProduct(UUID productId) {
        return list("productId", NEWEST_FIRST, productId);
    }

    /** The code of the product's most recent harvest, which is what a parcel sold now comes from. */
    public Optional<String> latestTraceCode(UUID productId) {
        return find("productId", NEWEST_FIRST, productId).firstResultOptional().map(b -> b.traceCode);
    }

    public Optional<HarvestBatch> byTraceCode(String code) {
        return find("traceCode", code).firstResultOptional();
    }
}
