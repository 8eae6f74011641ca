package live.harvest.platform.value;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import live.harvest.platform.event.common.TemperatureClass;

import java.util.UUID;

/**
 * What a listing looked like when something was made of it (an allocation, an offer, a reservation, an order
 * line): seller, product, SKU, title, spec, unit price with its currency, temperature class and trace code. Kept
 * as a copy on purpose, so a later edit of the listing never changes what was sold; immutable for the same reason.
 * One embeddable instead of the same ten fields in every entity (issue 16). Columns carry these names unless an
 * entity overrides them (order lines and reservations call the price {@code unit_price_fen}).
 */
@Embeddable
public record ListingSnapshot(
        @Column(name = "seller_id") UUID sellerId,
        @Column(name = "seller_county_code") String sellerCountyCode,
        @Column(name = "product_id") UUID productId,
        @Column(name = "sku_id") UUID skuId,
        @Column(name = "title") String title,
        @Column(name = "spec") String spec,
        @Column(name = "price_fen") long priceFen,
        @Column(name = "currency") String currency,
        @Enumerated(EnumType.STRING) @Column(name = "temperature_class") TemperatureClass temperatureClass,
        @Column(name = "trace_code") String traceCode) {

    /** The price of {@code quantity} units, in the snapshot's currency. */
    public long priceOf(int quantity) {
        return Math.multiplyExact(priceFen, quantity);
    }
}
