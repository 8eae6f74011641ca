package live.harvest.testkit.archsample.tangled.order;

import live.harvest.testkit.archsample.tangled.offer.OfferResource;

/** Calls a resource of another package, which calls back: a cycle, and a resource used as a library. */
public class OrderService {
    public int count() {
        return OfferResource.units();
    }
}
