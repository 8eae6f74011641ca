package live.harvest.catalog.product;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SkuRepository implements PanacheRepositoryBase<Sku, UUID> {

    public List<Sku> ofProduct(UUID productId) {
        return list("productId", Sort.by("priceFen").and("id"), productId);
    }

    public List<Sku> ofProducts(Collection<UUID> productIds) {
        return productIds.isEmpty() ? List.of()
                : list("productId in ?1", Sort.by("priceFen").and("id"), productIds);
    }
}
