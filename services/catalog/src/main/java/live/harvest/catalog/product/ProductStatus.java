package live.harvest.catalog.product;

public enum ProductStatus {
    DRAFT, ACTIVE, DELISTED
}
