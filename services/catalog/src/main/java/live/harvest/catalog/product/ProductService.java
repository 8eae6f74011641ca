package live.harvest.catalog.product;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.catalog.ledger.MovementKind;
import live.harvest.catalog.ledger.StockLedger;
import live.harvest.catalog.product.ProductDtos.ProductPage;
import live.harvest.catalog.product.ProductDtos.ProductRequest;
import live.harvest.catalog.product.ProductDtos.ProductView;
import live.harvest.catalog.product.ProductDtos.SkuRequest;
import live.harvest.catalog.product.ProductDtos.SkuView;
import live.harvest.catalog.seller.Seller;
import live.harvest.catalog.seller.SellerRepository;
import live.harvest.platform.outbox.Outbox;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.problem.Problem.FieldError;
import live.harvest.platform.region.RegionCodes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A seller's own products and SKUs: create, edit, list, delist. Every change is published through the outbox. */
@ApplicationScoped
public class ProductService {

    public static final String CURRENCY = "CNY";

    private final ProductRepository products;
    private final SkuRepository skus;
    private final SellerRepository sellers;
    private final ProductAccess access;
    private final StockLedger ledger;
    private final Outbox outbox;

    public ProductService(ProductRepository products, SkuRepository skus, SellerRepository sellers,
                          ProductAccess access, StockLedger ledger, Outbox outbox) {
        this.products = products;
        this.skus = skus;
        this.sellers = sellers;
        this.access = access;
        this.ledger = ledger;
        this.outbox = outbox;
    }

    /** A created-or-replaced resource and whether it was created. */
    public record Saved<T>(T view, boolean created) {
    }

    @Transactional
    public ProductView create(UUID sellerId, ProductRequest request) {
        return create(sellerId, UUID.randomUUID(), request);
    }

    /** PUT semantics with a client-chosen id: replace the caller's product, or create it if the id is free. */
    @Transactional
    public Saved<ProductView> put(UUID sellerId, UUID productId, ProductRequest request) {
        if (products.findByIdOptional(productId).isPresent()) {
            return new Saved<>(update(sellerId, productId, request), false);
        }
        return new Saved<>(create(sellerId, productId, request), true);
    }

    private ProductView create(UUID sellerId, UUID productId, ProductRequest request) {
        if (sellers.findByIdOptional(sellerId).isEmpty()) {
            throw DomainException.conflict("seller-profile-missing",
                    "Create your seller profile (PUT /api/v1/sellers/me) before adding products");
        }
        checkOrigin(request);
        Product product = new Product();
        product.id = productId;
        product.sellerId = sellerId;
        product.status = ProductStatus.DRAFT;
        product.createdAt = Instant.now();
        apply(product, request);
        products.persist(product);
        outbox.publish(ProductEvents.updated(product, List.of()));
        return ProductView.of(product, List.of());
    }

    @Transactional
    public ProductView update(UUID sellerId, UUID productId, ProductRequest request) {
        checkOrigin(request);
        Product product = access.owned(sellerId, productId);
        apply(product, request);
        List<Sku> variants = skus.ofProduct(productId);
        outbox.publish(ProductEvents.updated(product, variants));
        return ProductView.of(product, variants);
    }

    @Transactional
    public SkuView addSku(UUID sellerId, UUID productId, SkuRequest request) {
        return addSku(sellerId, productId, UUID.randomUUID(), request);
    }

    /** PUT semantics with a client-chosen id: replace the SKU of this product, or add it if the id is free. */
    @Transactional
    public Saved<SkuView> putSku(UUID sellerId, UUID productId, UUID skuId, SkuRequest request) {
        Sku existing = skus.findById(skuId);
        if (existing == null) {
            return new Saved<>(addSku(sellerId, productId, skuId, request), true);
        }
        if (!existing.productId.equals(productId)) {
            access.owned(sellerId, existing.productId);
            throw DomainException.conflict("sku-of-another-product",
                    "SKU " + skuId + " belongs to product " + existing.productId);
        }
        return new Saved<>(updateSku(sellerId, skuId, request), false);
    }

    private SkuView addSku(UUID sellerId, UUID productId, UUID skuId, SkuRequest request) {
        Product product = access.owned(sellerId, productId);
        Sku sku = new Sku();
        sku.id = skuId;
        sku.productId = productId;
        sku.currency = CURRENCY;
        sku.createdAt = Instant.now();
        applySku(sku, request);
        skus.persist(sku);
        skus.flush();
        long initial = request.initialStock() == null ? 0 : request.initialStock();
        if (initial > 0) {
            sku.onHand = ledger.move(sku.id, MovementKind.RESTOCK, initial, "initial stock", sellerId).onHandAfter;
        }
        touch(product);
        outbox.publish(ProductEvents.updated(product, skus.ofProduct(productId)));
        return SkuView.of(sku);
    }

    @Transactional
    public SkuView updateSku(UUID sellerId, UUID skuId, SkuRequest request) {
        Sku sku = skus.findByIdOptional(skuId).orElseThrow(() -> DomainException.notFound("SKU", skuId));
        Product product = access.owned(sellerId, sku.productId);
        if (request.initialStock() != null) {
            throw DomainException.badRequest("stock-via-ledger",
                    "Stock of an existing SKU changes only through POST /api/v1/skus/{skuId}/stock-movements");
        }
        applySku(sku, request);
        touch(product);
        outbox.publish(ProductEvents.updated(product, skus.ofProduct(product.id)));
        return SkuView.of(sku);
    }

    /** Lists the product publicly: needs a verified seller and at least one priced SKU. Repeating is a no-op. */
    @Transactional
    public ProductView activate(UUID sellerId, UUID productId) {
        Product product = access.owned(sellerId, productId);
        List<Sku> variants = skus.ofProduct(productId);
        if (product.status == ProductStatus.ACTIVE) {
            return ProductView.of(product, variants);
        }
        Seller seller = sellers.findById(sellerId);
        if (!seller.verified) {
            throw DomainException.conflict("seller-not-verified",
                    "Only a verified seller can list products; ask an admin to verify your profile");
        }
        if (variants.stream().noneMatch(s -> s.priceFen > 0)) {
            throw DomainException.conflict("no-priced-sku", "Add at least one SKU with a price before listing");
        }
        product.moveTo(ProductStatus.ACTIVE);
        product.listedAt = product.updatedAt;
        outbox.publish(ProductEvents.listed(product, variants));
        return ProductView.of(product, variants);
    }

    @Transactional
    public ProductView delist(UUID sellerId, UUID productId) {
        Product product = access.owned(sellerId, productId);
        if (product.status != ProductStatus.DELISTED) {
            product.moveTo(ProductStatus.DELISTED);
            outbox.publish(ProductEvents.delisted(product));
        }
        return ProductView.of(product, skus.ofProduct(productId));
    }

    /** Active products are public; drafts and delisted ones only to their seller and admins. */
    @Transactional
    public ProductView view(UUID productId, Optional<UUID> viewingSeller, boolean admin) {
        Product product = access.visible(productId, viewingSeller, admin);
        return ProductView.of(product, skus.ofProduct(productId));
    }

    @Transactional
    public ProductPage mine(UUID sellerId, String statusFilter, int page, int size) {
        ProductStatus status = parseStatus(statusFilter);
        var query = status == null
                ? products.find("sellerId = ?1 order by createdAt desc, id desc", sellerId)
                : products.find("sellerId = ?1 and status = ?2 order by createdAt desc, id desc", sellerId, status);
        List<Product> found = query.page(page, size).list();
        return ProductSearch.page(found, skus, page, size, query.count());
    }

    private static ProductStatus parseStatus(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ProductStatus.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("unknown-status", "status must be DRAFT, ACTIVE or DELISTED");
        }
    }

    private static void checkOrigin(ProductRequest request) {
        String township = request.originTownshipCode();
        if (township != null && !RegionCodes.within(township, request.originCountyCode())) {
            throw DomainException.invalid(List.of(new FieldError("originTownshipCode",
                    "township " + township + " is not within county " + request.originCountyCode())));
        }
    }

    private static void apply(Product product, ProductRequest request) {
        product.title = request.title().strip();
        product.description = request.description() == null ? "" : request.description().strip();
        product.category = request.category();
        product.originCountyCode = request.originCountyCode();
        product.originTownshipCode = request.originTownshipCode();
        product.giName = request.geographicalIndication() == null ? null
                : request.geographicalIndication().name().strip();
        product.giRegistrationNo = request.geographicalIndication() == null ? null
                : request.geographicalIndication().registrationNo();
        product.grade = request.grade();
        product.temperatureClass = request.temperatureClass();
        product.shelfLifeDays = request.shelfLifeDays();
        product.imageUrls = request.imageUrls() == null ? new String[0] : request.imageUrls().toArray(String[]::new);
        product.updatedAt = Instant.now();
    }

    private static void applySku(Sku sku, SkuRequest request) {
        List<FieldError> capErrors = request.caps().problems();
        if (!capErrors.isEmpty()) {
            throw DomainException.invalid(capErrors);
        }
        sku.maxUnitsPerOrder = request.maxUnitsPerOrder();
        sku.maxUnitsPerBuyer = request.maxUnitsPerBuyer();
        sku.spec = request.spec().strip();
        sku.netWeightGrams = request.netWeightGrams();
        sku.priceFen = request.priceFen();
        sku.updatedAt = Instant.now();
    }

    private static void touch(Product product) {
        product.updatedAt = Instant.now();
    }
}
