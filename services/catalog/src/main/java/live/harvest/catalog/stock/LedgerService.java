package live.harvest.catalog.stock;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import live.harvest.catalog.ledger.StockLedger;
import live.harvest.catalog.ledger.StockMovement;
import live.harvest.catalog.product.ProductAccess;
import live.harvest.platform.problem.DomainException;

import java.util.List;
import java.util.UUID;

/** Seller-recorded movements (restock, adjustment) and reading a SKU's ledger. */
@ApplicationScoped
public class LedgerService {

    private final StockLedger ledger;
    private final ProductAccess products;
    private final EntityManager em;

    public LedgerService(StockLedger ledger, ProductAccess products, EntityManager em) {
        this.ledger = ledger;
        this.products = products;
        this.em = em;
    }

    @Transactional
    public StockDtos.Movement record(UUID sellerId, UUID skuId, StockDtos.MovementRequest request) {
        products.ownedSku(sellerId, skuId);
        long delta = request.delta();
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        switch (request.kind()) {
            case RESTOCK -> {
                if (delta <= 0) {
                    throw DomainException.badRequest("invalid-delta", "A RESTOCK needs a positive delta");
                }
            }
            case ADJUSTMENT -> {
                if (delta == 0) {
                    throw DomainException.badRequest("invalid-delta", "An ADJUSTMENT needs a non-zero delta");
                }
                if (reason == null) {
                    throw DomainException.badRequest("reason-required", "An ADJUSTMENT needs a reason");
                }
            }
            default -> throw DomainException.badRequest("movement-kind-not-allowed", "Only RESTOCK and ADJUSTMENT"
                    + " are recorded by hand; " + request.kind() + " happens through allocations and orders");
        }
        return StockDtos.Movement.of(ledger.move(skuId, request.kind(), delta, reason, sellerId));
    }

    @Transactional
    public StockDtos.Ledger read(UUID skuId, UUID callerSellerId, boolean admin, int page, int size) {
        products.stockReadableSku(skuId, callerSellerId, admin);
        var query = StockMovement.<StockMovement>find("skuId", Sort.by("seq"), skuId);
        List<StockDtos.Movement> movements = query.page(Page.of(page, size)).list().stream()
                .map(StockDtos.Movement::of).toList();
        // One statement, one snapshot: on-hand and the sum of the ledger are compared at the same instant.
        Object[] balance = (Object[]) em.createNativeQuery("""
                        select s.on_hand, (select coalesce(sum(m.delta), 0) from stock_movement m where m.sku_id = s.id)
                          from sku s where s.id = ?1""")
                .setParameter(1, skuId).getSingleResult();
        return new StockDtos.Ledger(skuId, ((Number) balance[0]).longValue(), ((Number) balance[1]).longValue(),
                query.count(), page, size, movements);
    }
}
