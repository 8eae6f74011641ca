package live.harvest.catalog.product;

import live.harvest.platform.event.catalog.CatalogEvents.ProductDelisted;
import live.harvest.platform.event.catalog.CatalogEvents.ProductListed;
import live.harvest.platform.event.catalog.CatalogEvents.ProductUpdated;
import live.harvest.platform.event.catalog.CatalogEvents.SkuSnapshot;

import java.util.List;

/** Maps products to their event contracts. */
final class ProductEvents {

    private ProductEvents() {
    }

    static ProductListed listed(Product p, List<Sku> skus) {
        return new ProductListed(p.id, p.sellerId, p.title, p.category.name(), p.originCountyCode,
                p.originTownshipCode, p.giName, p.temperatureClass, snapshots(skus));
    }

    static ProductUpdated updated(Product p, List<Sku> skus) {
        return new ProductUpdated(p.id, p.sellerId, p.title, p.category.name(), p.status.name(),
                p.temperatureClass, snapshots(skus));
    }

    static ProductDelisted delisted(Product p) {
        return new ProductDelisted(p.id, p.sellerId);
    }

    private static List<SkuSnapshot> snapshots(List<Sku> skus) {
        return skus.stream()
                .map(s -> new SkuSnapshot(s.id, s.spec, s.netWeightGrams, s.priceFen, s.currency))
                .toList();
    }
}
