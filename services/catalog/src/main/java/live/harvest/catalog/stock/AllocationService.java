package live.harvest.catalog.stock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.catalog.ledger.MovementKind;
import live.harvest.catalog.ledger.StockLedger;
import live.harvest.catalog.ledger.StockMovement;
import live.harvest.catalog.product.Product;
import live.harvest.catalog.product.ProductAccess;
import live.harvest.catalog.product.ProductStatus;
import live.harvest.catalog.product.Sku;
import live.harvest.platform.problem.DomainException;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;

/** Hands stock to live-stream offers and takes back what they did not sell. Idempotent per offer. */
@ApplicationScoped
public class AllocationService {

    public record Result(StockDtos.Allocation allocation, boolean created) {
    }

    private static final Logger LOG = Logger.getLogger(AllocationService.class);

    private final StockLedger ledger;
    private final StockLocks locks;
    private final ProductAccess products;
    private final ListingSnapshots listings;

    public AllocationService(StockLedger ledger, StockLocks locks, ProductAccess products, ListingSnapshots listings) {
        this.ledger = ledger;
        this.locks = locks;
        this.products = products;
        this.listings = listings;
    }

    @Transactional
    public Result allocate(UUID sellerId, UUID skuId, StockDtos.AllocationRequest request) {
        Sku sku = products.ownedSku(sellerId, skuId);
        Product product = Product.findById(sku.productId);
        // Serialises retries of the same offer, so the second one finds the first one's row.
        locks.lock(request.offerId());
        StockAllocation existing = StockAllocation.findById(request.offerId());
        if (existing != null) {
            if (!existing.listing.skuId().equals(skuId) || existing.quantity != request.quantity()) {
                throw DomainException.conflict("offer-already-allocated", "Offer " + request.offerId()
                        + " already holds " + existing.quantity + " units of SKU " + existing.listing.skuId());
            }
            return new Result(StockDtos.Allocation.of(existing), false);
        }
        if (product.status != ProductStatus.ACTIVE) {
            throw DomainException.conflict("product-not-active", "Product " + product.id + " is " + product.status);
        }
        StockMovement movement = ledger.move(skuId, MovementKind.ALLOCATION, -request.quantity(),
                new StockLedger.Context(request.offerId(), null, null, null, sellerId));
        StockAllocation allocation = new StockAllocation();
        allocation.offerId = request.offerId();
        allocation.listing = listings.of(product, sku);
        allocation.quantity = request.quantity();
        allocation.onHandAfter = movement.onHandAfter;
        allocation.createdAt = Instant.now();
        allocation.persist();
        return new Result(StockDtos.Allocation.of(allocation), true);
    }

    /**
     * The offer's pool was drained: its unsold units come back once. Offers this catalog never allocated
     * (for example events left on the topic by other runs) are ignored.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(UUID offerId, UUID skuId, int unitsLeft, UUID eventId) {
        locks.lock(offerId);
        StockAllocation allocation = StockAllocation.findById(offerId);
        if (allocation == null || !allocation.listing.skuId().equals(skuId)) {
            LOG.debugf("Ignoring drained pool of unknown offer %s / SKU %s", offerId, skuId);
            return;
        }
        if (allocation.releasedAt != null) {
            return;
        }
        int units = Math.max(0, Math.min(unitsLeft, allocation.quantity));
        if (units > 0) {
            ledger.move(skuId, MovementKind.RELEASE, units,
                    new StockLedger.Context(offerId, null, eventId, "offer pool drained", null));
        }
        allocation.releasedQuantity = units;
        allocation.releasedAt = Instant.now();
    }
}
