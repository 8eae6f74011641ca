package live.harvest.catalog.batch;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import live.harvest.platform.input.FreeText;
import live.harvest.platform.event.common.ProductCategory;
import live.harvest.catalog.product.ProductDtos.GeographicalIndication;
import live.harvest.catalog.product.ProductStatus;
import live.harvest.catalog.seller.SellerDtos.PublicSeller;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.region.RegionCodes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Request and response shapes of harvest batches and trace lookups. */
public final class BatchDtos {

    private BatchDtos() {
    }

    public record BatchRequest(
            @NotNull @PastOrPresent LocalDate harvestDate,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 9, fraction = 3) BigDecimal quantity,
            @NotBlank @Size(max = 20) String unit,
            @Size(max = 60) @Pattern(regexp = "^[A-Za-z0-9/()-]+$", message = "letters, digits, '/', '(', ')', '-' only")
            String qualityCertificateNo,
            @NotNull @Pattern(regexp = RegionCodes.VILLAGE_PATTERN, message = "must be a 12-digit village code")
            String originVillageCode,
            @FreeText @Size(max = 1000) String notes) {
    }

    public record Batch(UUID batchId, UUID productId, String traceCode, LocalDate harvestDate, BigDecimal quantity,
                        String unit, String qualityCertificateNo, String originVillageCode, String notes,
                        Instant recordedAt) {
        static Batch of(HarvestBatch b) {
            return new Batch(b.id, b.productId, b.traceCode, b.harvestDate, b.quantity, b.unit,
                    b.qualityCertificateNo, b.originVillageCode, b.notes, b.createdAt);
        }
    }

    public record TracedProduct(UUID productId, String title, ProductCategory category, String grade,
                                TemperatureClass temperatureClass, int shelfLifeDays,
                                GeographicalIndication geographicalIndication, ProductStatus status) {
    }

    public record Origin(String countyCode, String townshipCode, String villageCode) {
    }

    public record Certificate(String number) {
    }

    /** Everything public about where a parcel came from. */
    public record Trace(String traceCode, TracedProduct product, PublicSeller seller, Origin origin, Batch batch,
                        Certificate certificate) {
    }
}
