package live.harvest.catalog.stock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.catalog.batch.HarvestBatchRepository;
import live.harvest.catalog.product.Product;
import live.harvest.catalog.product.Sku;
import live.harvest.catalog.seller.Seller;
import live.harvest.platform.value.ListingSnapshot;

/**
 * What a SKU's listing looks like now, as an allocation or a reservation keeps it: the seller's home county (where
 * the parcel leaves from), the product's title and temperature class, the SKU's spec and price, and the trace code
 * of the product's latest harvest (which is what a parcel sold now comes from).
 */
@ApplicationScoped
public class ListingSnapshots {

    private final HarvestBatchRepository batches;

    public ListingSnapshots(HarvestBatchRepository batches) {
        this.batches = batches;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ListingSnapshot of(Product product, Sku sku) {
        Seller seller = Seller.findById(product.sellerId);
        return new ListingSnapshot(product.sellerId, seller.homeCountyCode, product.id, sku.id, product.title,
                sku.spec, sku.priceFen, sku.currency, product.temperatureClass,
                batches.latestTraceCode(product.id).orElse(null));
    }
}
