package live.harvest.catalog.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import live.harvest.catalog.batch.BatchDtos.Batch;
import live.harvest.catalog.batch.BatchDtos.BatchRequest;
import live.harvest.catalog.batch.BatchDtos.Certificate;
import live.harvest.catalog.batch.BatchDtos.Origin;
import live.harvest.catalog.batch.BatchDtos.Trace;
import live.harvest.catalog.batch.BatchDtos.TracedProduct;
import live.harvest.catalog.product.Product;
import live.harvest.catalog.product.ProductDtos.GeographicalIndication;
import live.harvest.catalog.product.ProductAccess;
import live.harvest.catalog.seller.SellerDtos.PublicSeller;
import live.harvest.catalog.seller.SellerService;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.problem.Problem.FieldError;
import live.harvest.platform.region.RegionCodes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Harvest batches and the public trace lookup. */
@ApplicationScoped
public class BatchService {

    private static final int CODE_ATTEMPTS = 5;

    private final HarvestBatchRepository batches;
    private final ProductAccess products;
    private final SellerService sellers;
    private final EntityManager em;

    public BatchService(HarvestBatchRepository batches, ProductAccess products, SellerService sellers,
                        EntityManager em) {
        this.batches = batches;
        this.products = products;
        this.sellers = sellers;
        this.em = em;
    }

    @Transactional
    public Batch record(UUID sellerId, UUID productId, BatchRequest request) {
        Product product = products.owned(sellerId, productId);
        String village = request.originVillageCode();
        String within = product.originTownshipCode != null ? product.originTownshipCode : product.originCountyCode;
        if (!RegionCodes.within(village, within)) {
            throw DomainException.invalid(List.of(new FieldError("originVillageCode",
                    "village " + village + " is not within the product's origin " + within)));
        }
        UUID id = UUID.randomUUID();
        insertWithFreshCode(id, productId, request);
        return Batch.of(batches.findById(id));
    }

    /**
     * A unique constraint guards the code; on the rare collision the insert does nothing and we draw again.
     * {@code on conflict do nothing} keeps the transaction usable, which a failed insert would not.
     */
    private void insertWithFreshCode(UUID id, UUID productId, BatchRequest r) {
        for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            int inserted = em.createNativeQuery("""
                            insert into harvest_batch (id, product_id, trace_code, harvest_date, quantity, unit,
                                quality_certificate_no, origin_village_code, notes, created_at)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                            on conflict (trace_code) do nothing""")
                    .setParameter(1, id).setParameter(2, productId).setParameter(3, TraceCodes.next())
                    .setParameter(4, r.harvestDate()).setParameter(5, r.quantity()).setParameter(6, r.unit().strip())
                    .setParameter(7, blankToNull(r.qualityCertificateNo())).setParameter(8, r.originVillageCode())
                    .setParameter(9, blankToNull(r.notes())).setParameter(10, Instant.now())
                    .executeUpdate();
            if (inserted == 1) {
                return;
            }
        }
        throw new IllegalStateException("No free trace code after " + CODE_ATTEMPTS + " attempts");
    }

    /** Batches of an active product are public; others only for their seller (not for admins, unlike the product). */
    @Transactional
    public List<Batch> ofProduct(UUID productId, Optional<UUID> viewingSeller) {
        Product product = products.visible(productId, viewingSeller, false);
        return batches.ofProduct(product.id).stream().map(Batch::of).toList();
    }

    /** Public: works for delisted products too, since parcels already sold still point here. */
    @Transactional
    public Trace trace(String typed) {
        String code = TraceCodes.normalize(typed).orElseThrow(() -> DomainException.badRequest(
                "invalid-trace-code", "A trace code looks like HL-7K3M-Q9TX"));
        HarvestBatch batch = batches.byTraceCode(code)
                .orElseThrow(() -> DomainException.notFound("Trace code", code));
        Product p = Product.findById(batch.productId);
        PublicSeller seller = sellers.publicProfile(p.sellerId);
        GeographicalIndication gi = p.giName == null ? null : new GeographicalIndication(p.giName, p.giRegistrationNo);
        return new Trace(code,
                new TracedProduct(p.id, p.title, p.category, p.grade, p.temperatureClass, p.shelfLifeDays, gi, p.status),
                seller,
                new Origin(p.originCountyCode, RegionCodes.townshipOf(batch.originVillageCode), batch.originVillageCode),
                Batch.of(batch),
                batch.qualityCertificateNo == null ? null : new Certificate(batch.qualityCertificateNo));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
