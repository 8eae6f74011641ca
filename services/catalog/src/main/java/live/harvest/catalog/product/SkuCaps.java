package live.harvest.catalog.product;

import live.harvest.platform.problem.DomainException;
import live.harvest.platform.problem.Problem.FieldError;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A seller's own anti-hoarding caps on one SKU; {@code null} means "the platform default" (ADR 0019). Pure rules:
 * what a seller may set, the caps in force, and whether a reservation stays within them.
 */
public record SkuCaps(Integer maxUnitsPerOrder, Integer maxUnitsPerBuyer) {

    /** The largest cap a seller may set: catalog's largest reservation. */
    public static final int MAX = 10_000;

    /**
     * What is wrong with caps a seller asked for, beyond each one's range (1..{@link #MAX}, checked by Bean
     * Validation on the request): when both are set, one order may not be allowed more than the buyer may hold.
     */
    public List<FieldError> problems() {
        if (maxUnitsPerOrder != null && maxUnitsPerBuyer != null && maxUnitsPerOrder > maxUnitsPerBuyer) {
            return List.of(new FieldError("maxUnitsPerOrder",
                    "must not exceed maxUnitsPerBuyer (" + maxUnitsPerBuyer + ")"));
        }
        return List.of();
    }

    /**
     * The caps in force: the seller's where set, the platform's elsewhere. One order can never take more than the
     * buyer may hold, so the per-order cap is also bounded by the per-buyer cap in force.
     */
    public Limits inForce(int defaultPerOrder, int defaultPerBuyer) {
        int perBuyer = maxUnitsPerBuyer != null ? maxUnitsPerBuyer : defaultPerBuyer;
        int perOrder = maxUnitsPerOrder != null ? maxUnitsPerOrder : defaultPerOrder;
        return new Limits(Math.min(perOrder, perBuyer), perBuyer);
    }

    /** The caps a reservation is held to. */
    public record Limits(int perOrder, int perBuyer) {

        /**
         * Why {@code requested} more units for a buyer who already holds {@code held} of this SKU are refused, if they
         * are: above the per-order cap 422 {@code quantity-above-cap}, above the per-buyer cap 409
         * {@code buyer-cap-reached}.
         */
        public Optional<DomainException> refusal(UUID skuId, int requested, long held) {
            if (requested > perOrder) {
                return Optional.of(DomainException.unprocessable("quantity-above-cap", "At most " + perOrder
                        + " units of SKU " + skuId + " per order; " + requested + " requested"));
            }
            if (held + requested > perBuyer) {
                return Optional.of(DomainException.conflict("buyer-cap-reached", "At most " + perBuyer
                        + " units of SKU " + skuId + " per buyer; you hold " + held + ", " + requested
                        + " more requested"));
            }
            return Optional.empty();
        }
    }
}
