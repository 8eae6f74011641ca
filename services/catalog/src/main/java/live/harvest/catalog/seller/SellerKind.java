package live.harvest.catalog.seller;

public enum SellerKind {
    FARMER, COOPERATIVE, ENTERPRISE
}
