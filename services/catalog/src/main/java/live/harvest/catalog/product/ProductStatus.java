package live.harvest.catalog.product;

import live.harvest.platform.state.StatusMachine;

import java.util.EnumSet;
import java.util.Set;

/**
 * A product's life: its seller drafts it, lists it (activation), takes it off (delisting) and may list it again.
 * Asking for the status it already has is a no-op the service answers before the table is asked.
 */
public enum ProductStatus implements StatusMachine<ProductStatus> {
    /** Being written: seen only by its seller and admins. */
    DRAFT,
    /** Listed publicly: browse, search, allocations and reservations see it. */
    ACTIVE,
    /** Off the public listing; its trace codes still resolve, since parcels already sold point at it. */
    DELISTED;

    @Override
    public Set<ProductStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(ACTIVE, DELISTED);
            case ACTIVE -> EnumSet.of(DELISTED);
            case DELISTED -> EnumSet.of(ACTIVE);
        };
    }
}
