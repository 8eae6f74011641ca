package live.harvest.testkit.archsample.tidy.order;

import live.harvest.testkit.archsample.tidy.offer.OfferDtos;
import live.harvest.testkit.archsample.tidy.offer.OfferStatus;

public class OrderResource {
    private final OrderAccess access;

    public OrderResource(OrderAccess access) {
        this.access = access;
    }

    public OfferDtos.OfferView view() {
        return new OfferDtos.OfferView(access.buyer() == null ? OfferStatus.CLOSED : OfferStatus.OPEN);
    }
}
