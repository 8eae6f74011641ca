package live.harvest.catalog.product;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.platform.problem.DomainException;

import java.util.Optional;
import java.util.UUID;

/**
 * Who may see and change which product or SKU, decided over the ids a resource got from {@code SellerAccess}. A
 * seller changes only their own listings: 404 when the product or SKU is unknown, 403 when it is another seller's.
 * Drafts and delisted products are seen only by their seller (and, on the product page, admins): 404 for anyone
 * else, so they do not leak. Runs inside the calling service's transaction.
 */
@ApplicationScoped
public class ProductAccess {

    private final ProductRepository products;
    private final SkuRepository skus;

    public ProductAccess(ProductRepository products, SkuRepository skus) {
        this.products = products;
        this.skus = skus;
    }

    /** The product if {@code sellerId} owns it: 404 when unknown, 403 when another seller's. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Product owned(UUID sellerId, UUID productId) {
        Product product = products.findByIdOptional(productId)
                .orElseThrow(() -> DomainException.notFound("Product", productId));
        if (!product.sellerId.equals(sellerId)) {
            throw DomainException.forbidden("Product " + productId + " belongs to another seller");
        }
        return product;
    }

    /** The SKU if {@code sellerId} owns its product: 404 when unknown, 403 when another seller's. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Sku ownedSku(UUID sellerId, UUID skuId) {
        Sku sku = sku(skuId);
        if (!products.findById(sku.productId).sellerId.equals(sellerId)) {
            throw DomainException.forbidden("SKU " + skuId + " belongs to another seller");
        }
        return sku;
    }

    /** A SKU's stock figures are its seller's and the admins': {@code sellerId} is ignored for an admin. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Sku stockReadableSku(UUID skuId, UUID sellerId, boolean admin) {
        return admin ? sku(skuId) : ownedSku(sellerId, skuId);
    }

    /**
     * The product if it may be shown: an active one to anyone, any other to its seller, and to admins when
     * {@code admin}; 404 otherwise.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Product visible(UUID productId, Optional<UUID> viewingSeller, boolean admin) {
        return products.findByIdOptional(productId)
                .filter(p -> p.status == ProductStatus.ACTIVE || admin
                        || viewingSeller.map(p.sellerId::equals).orElse(false))
                .orElseThrow(() -> DomainException.notFound("Product", productId));
    }

    private Sku sku(UUID skuId) {
        return skus.findByIdOptional(skuId).orElseThrow(() -> DomainException.notFound("SKU", skuId));
    }
}
