package live.harvest.testkit.archsample.tidy.offer;

public final class OfferDtos {
    private OfferDtos() {
    }

    public record OpenOfferRequest(int quantity) {
    }

    public record OfferView(OfferStatus status) {
    }
}
