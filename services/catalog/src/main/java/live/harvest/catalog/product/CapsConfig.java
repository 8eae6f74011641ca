package live.harvest.catalog.product;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/**
 * Platform defaults of the anti-hoarding caps on regular listings (ADR 0019). A seller's own cap on a SKU replaces
 * the default; a SKU without one gets these.
 */
@ConfigMapping(prefix = "harvest.catalog.caps")
public interface CapsConfig {

    /** Most units of one SKU a single order may reserve, unless its seller set their own. */
    @WithDefault("20")
    @Min(1) @Max(SkuCaps.MAX)
    int maxUnitsPerOrder();

    /**
     * Most units of one SKU a buyer may hold across their orders (unpaid, placed and paid, not given back) reserved
     * within {@link #perBuyerWindow()}, unless its seller set their own.
     */
    @WithDefault("50")
    @Min(1) @Max(SkuCaps.MAX)
    int maxUnitsPerBuyer();

    /**
     * How far back a buyer's reservations count towards the per-buyer cap. Far longer than the payment window, so
     * every unpaid hold counts; finite, so a regular buyer of a staple is not shut out for good.
     */
    @WithDefault("P30D")
    Duration perBuyerWindow();
}
