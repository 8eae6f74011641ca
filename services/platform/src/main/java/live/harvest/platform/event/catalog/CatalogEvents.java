package live.harvest.platform.event.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import live.harvest.platform.event.DomainEvent;
import live.harvest.platform.event.EventType;
import live.harvest.platform.event.Topics;
import live.harvest.platform.event.common.TemperatureClass;

import java.util.List;
import java.util.UUID;

/** Contracts published by the catalog service on {@link Topics#CATALOG}. */
public final class CatalogEvents {

    public static final List<Class<? extends DomainEvent>> ALL = List.of(
            ProductListed.class, ProductUpdated.class, ProductDelisted.class,
            StockAllocated.class, StockReleased.class, StockAdjusted.class);

    private CatalogEvents() {
    }

    public record SkuSnapshot(@NotNull UUID skuId, String spec, int netWeightGrams, long priceFen, String currency) {
    }

    @EventType(value = "catalog.product-listed", topic = Topics.CATALOG)
    public record ProductListed(@NotNull UUID productId, @NotNull UUID sellerId, @NotNull String title, String category, String originCountyCode,
                                String originTownshipCode, String giName, TemperatureClass temperatureClass,
                                List<@Valid SkuSnapshot> skus) implements DomainEvent {
        @Override
        public String aggregateId() {
            return productId.toString();
        }
    }

    @EventType(value = "catalog.product-updated", topic = Topics.CATALOG)
    public record ProductUpdated(@NotNull UUID productId, @NotNull UUID sellerId, String title, String category, String status,
                                 TemperatureClass temperatureClass, List<@Valid SkuSnapshot> skus) implements DomainEvent {
        @Override
        public String aggregateId() {
            return productId.toString();
        }
    }

    @EventType(value = "catalog.product-delisted", topic = Topics.CATALOG)
    public record ProductDelisted(@NotNull UUID productId, @NotNull UUID sellerId) implements DomainEvent {
        @Override
        public String aggregateId() {
            return productId.toString();
        }
    }

    /** Units moved from a SKU's on-hand stock into a live-stream offer's pool. */
    @EventType(value = "catalog.stock-allocated", topic = Topics.CATALOG)
    public record StockAllocated(@NotNull UUID skuId, @NotNull UUID productId, @NotNull UUID sellerId,
                                 @NotNull UUID offerId, @Positive int quantity,
                                 long onHandAfter) implements DomainEvent {
        @Override
        public String aggregateId() {
            return skuId.toString();
        }
    }

    /** Unsold units given back from an offer's pool to on-hand stock. */
    @EventType(value = "catalog.stock-released", topic = Topics.CATALOG)
    public record StockReleased(@NotNull UUID skuId, @NotNull UUID productId, @NotNull UUID sellerId,
                                @NotNull UUID offerId, @PositiveOrZero int quantity,
                                long onHandAfter) implements DomainEvent {
        @Override
        public String aggregateId() {
            return skuId.toString();
        }
    }

    /**
     * Any other ledger movement: restock, sale, cancellation return, manual adjustment.
     * {@code delta} is signed; {@code movement} names the ledger entry kind.
     */
    @EventType(value = "catalog.stock-adjusted", topic = Topics.CATALOG)
    public record StockAdjusted(@NotNull UUID skuId, @NotNull UUID productId, @NotNull UUID sellerId,
                                @NotNull String movement, long delta, String reason,
                                long onHandAfter) implements DomainEvent {
        @Override
        public String aggregateId() {
            return skuId.toString();
        }
    }
}
