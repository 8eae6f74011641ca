package live.harvest.platform.event.common;

import java.util.Locale;
import java.util.Optional;

/**
 * The marketplace's fixed product taxonomy, shared by catalog (listings) and livestream (stream discovery) so a
 * stream and its products are filed under the same names.
 */
public enum ProductCategory {
    FRUIT,
    VEGETABLES,
    GRAIN_AND_OIL,
    TEA,
    EDIBLE_FUNGI,
    MEAT_POULTRY_AND_EGGS,
    AQUATIC,
    HONEY_AND_BEE_PRODUCTS,
    PROCESSED_SPECIALTIES,
    HANDICRAFTS;

    /** Reads {@code TEA}, {@code tea} or {@code grain-and-oil}; empty for anything outside the taxonomy. */
    public static Optional<ProductCategory> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (ProductCategory category : values()) {
            if (category.name().equals(name)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
