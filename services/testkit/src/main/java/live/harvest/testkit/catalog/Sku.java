package live.harvest.testkit.catalog;

import live.harvest.platform.event.common.TemperatureClass;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A SKU as the catalog double lists it: its seller, the facts catalog copies into an allocation or a reservation,
 * and its units on hand (allocations and reservations take from them, releases give back).
 */
public record Sku(UUID skuId, UUID productId, UUID sellerId, String sellerCountyCode, String title, String spec,
                  long priceFen, String currency, TemperatureClass temperatureClass, String traceCode, long onHand) {

    /** Units enough for any test that does not count them. */
    public static final long PLENTY = 1_000_000;

    /** A tin of West Lake Longjing tea (ambient, 128.00 yuan, trace code from the SKU id), as a live offer pins it. */
    public static Sku tea(UUID skuId, UUID sellerId, long onHand) {
        return new Sku(skuId, UUID.nameUUIDFromBytes(skuId.toString().getBytes(StandardCharsets.UTF_8)), sellerId,
                "330127", "West Lake Longjing tea", "250 g tin", 12_800, "CNY", TemperatureClass.AMBIENT,
                "TRC-" + skuId.toString().substring(0, 8), onHand);
    }

    /** A kilo of chilled lake fish at {@code priceFen}, in plenty, as a regular listing sells it. */
    public static Sku chilledFish(UUID skuId, UUID sellerId, long priceFen) {
        return new Sku(skuId, UUID.randomUUID(), sellerId, "330127", "Chilled lake fish", "1 kg", priceFen, "CNY",
                TemperatureClass.CHILLED, "TR-B-7", PLENTY);
    }

    Sku withOnHand(long units) {
        return new Sku(skuId, productId, sellerId, sellerCountyCode, title, spec, priceFen, currency,
                temperatureClass, traceCode, units);
    }
}
