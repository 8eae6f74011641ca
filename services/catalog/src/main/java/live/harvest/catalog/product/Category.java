package live.harvest.catalog.product;

/** The fixed product taxonomy. */
public enum Category {
    FRUIT,
    VEGETABLES,
    GRAIN_AND_OIL,
    TEA,
    EDIBLE_FUNGI,
    MEAT_POULTRY_AND_EGGS,
    AQUATIC,
    HONEY_AND_BEE_PRODUCTS,
    PROCESSED_SPECIALTIES,
    HANDICRAFTS
}
