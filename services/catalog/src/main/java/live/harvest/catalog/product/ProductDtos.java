package live.harvest.catalog.product;

import live.harvest.platform.input.FreeText;
import live.harvest.platform.event.common.ProductCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.region.RegionCodes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response shapes of the product API. */
public final class ProductDtos {

    private ProductDtos() {
    }

    public record GeographicalIndication(
            @NotBlank @Size(max = 80) String name,
            @NotBlank @Size(max = 40) @Pattern(regexp = "^[A-Za-z0-9-]+$", message = "letters, digits and '-' only")
            String registrationNo) {
    }

    /** Everything a seller edits about a product; status changes through activate/delist. */
    public record ProductRequest(
            @NotBlank @Size(max = 120) String title,
            @FreeText @Size(max = 4000) String description,
            @NotNull ProductCategory category,
            @NotNull @Pattern(regexp = RegionCodes.COUNTY_PATTERN, message = "must be a 6-digit county code")
            String originCountyCode,
            @Pattern(regexp = RegionCodes.TOWNSHIP_PATTERN, message = "must be a 9-digit township code")
            String originTownshipCode,
            @Valid GeographicalIndication geographicalIndication,
            @Size(max = 40) String grade,
            @NotNull TemperatureClass temperatureClass,
            @NotNull @Min(1) @Max(3650) Integer shelfLifeDays,
            @Size(max = 10) List<@NotBlank @Size(max = 500)
            @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String> imageUrls) {
    }

    /**
     * A SKU as its seller sets it. The caps are optional (absent: the platform default, ADR 0019); like every other
     * field, a replacement that leaves them out goes back to the default.
     */
    public record SkuRequest(
            @NotBlank @Size(max = 80) String spec,
            @NotNull @Min(1) @Max(1_000_000) Integer netWeightGrams,
            @NotNull @Min(1) @Max(100_000_000) Long priceFen,
            @PositiveOrZero @Max(10_000_000) Long initialStock,
            @Min(1) @Max(SkuCaps.MAX) Integer maxUnitsPerOrder,
            @Min(1) @Max(SkuCaps.MAX) Integer maxUnitsPerBuyer) {

        SkuCaps caps() {
            return new SkuCaps(maxUnitsPerOrder, maxUnitsPerBuyer);
        }
    }

    /** {@code maxUnitsPerOrder} / {@code maxUnitsPerBuyer}: the seller's own caps, null where the default applies. */
    public record SkuView(UUID skuId, UUID productId, String spec, int netWeightGrams, long priceFen,
                          String currency, long onHand, Integer maxUnitsPerOrder, Integer maxUnitsPerBuyer) {
        static SkuView of(Sku s) {
            return new SkuView(s.id, s.productId, s.spec, s.netWeightGrams, s.priceFen, s.currency, s.onHand,
                    s.maxUnitsPerOrder, s.maxUnitsPerBuyer);
        }
    }

    public record ProductView(UUID productId, UUID sellerId, String title, String description, ProductCategory category,
                              String originCountyCode, String originTownshipCode,
                              GeographicalIndication geographicalIndication, String grade,
                              TemperatureClass temperatureClass, int shelfLifeDays, List<String> imageUrls,
                              ProductStatus status, List<SkuView> skus, Instant listedAt, Instant createdAt,
                              Instant updatedAt) {
        static ProductView of(Product p, List<Sku> skus) {
            return new ProductView(p.id, p.sellerId, p.title, p.description, p.category, p.originCountyCode,
                    p.originTownshipCode,
                    p.giName == null ? null : new GeographicalIndication(p.giName, p.giRegistrationNo),
                    p.grade, p.temperatureClass, p.shelfLifeDays,
                    p.imageUrls == null ? List.of() : List.of(p.imageUrls), p.status,
                    skus.stream().map(SkuView::of).toList(), p.listedAt, p.createdAt, p.updatedAt);
        }
    }

    public record ProductPage(List<ProductView> items, int page, int size, long total) {
    }
}
