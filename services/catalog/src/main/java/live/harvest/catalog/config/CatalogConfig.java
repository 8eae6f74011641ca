package live.harvest.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import live.harvest.catalog.product.SkuCaps;

import java.time.Duration;

/** Catalog's own settings, {@code harvest.catalog.*}; each key is overridden by its environment variable. */
@ConfigMapping(prefix = "harvest.catalog")
public interface CatalogConfig {

    /**
     * How long an unconfirmed reservation (no {@code orders.order-placed} yet) holds its units: orders' payment
     * window (PT15M) plus a margin, so a reservation whose order was written in time is confirmed before it can
     * expire (ADR 0016).
     */
    @WithDefault("PT16M")
    Duration reservationLifetime();

    /**
     * How often the reconciler looks for expired reservations and open reservations of ended orders (read by the
     * ReservationReconciler schedule).
     */
    @WithDefault("30s")
    String reconcileEvery();

    /** Platform defaults of the anti-hoarding caps on regular listings (ADR 0019). */
    Caps caps();

    /** A seller's own cap on a SKU replaces the default; a SKU without one gets these. */
    interface Caps {

        /** Most units of one SKU a single order may reserve, unless its seller set their own. */
        @WithDefault("20")
        @Min(1) @Max(SkuCaps.MAX)
        int maxUnitsPerOrder();

        /**
         * Most units of one SKU a buyer may hold across their orders (unpaid, placed and paid, not given back)
         * reserved within {@link #perBuyerWindow()}, unless its seller set their own.
         */
        @WithDefault("50")
        @Min(1) @Max(SkuCaps.MAX)
        int maxUnitsPerBuyer();

        /**
         * How far back a buyer's reservations count towards the per-buyer cap. Far longer than the payment window,
         * so every unpaid hold counts; finite, so a regular buyer of a staple is not shut out for good.
         */
        @WithDefault("P30D")
        Duration perBuyerWindow();
    }
}
