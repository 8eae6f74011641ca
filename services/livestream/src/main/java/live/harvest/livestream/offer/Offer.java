package live.harvest.livestream.offer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import live.harvest.platform.state.StatusMachine;
import live.harvest.platform.value.ListingSnapshot;

import java.time.Instant;
import java.util.UUID;

/** A flash sale during a live stream: units allocated from catalog, sold by orders from its Redis pool. */
@Entity
@Table(name = "offer")
public class Offer extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "stream_id", nullable = false)
    public UUID streamId;

    /**
     * What catalog's allocation said the listing was (seller, product, SKU, title, spec, temperature class, trace
     * code), with the anchor's own price: a copy, so a later edit of the listing never changes what was offered.
     */
    @Embedded
    public ListingSnapshot listing;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "per_buyer_limit", nullable = false)
    public int perBuyerLimit;

    @Column(name = "ends_at")
    public Instant endsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OfferStatus status;

    @Column(nullable = false)
    public boolean pinned;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "close_reason")
    public String closeReason;

    @Column(name = "units_placed", nullable = false)
    public int unitsPlaced;

    @Column(name = "units_returned", nullable = false)
    public int unitsReturned;

    @Column(name = "stock_version", nullable = false)
    public long stockVersion;

    @Column(name = "units_left")
    public Integer unitsLeft;

    @Column(name = "drained_at")
    public Instant drainedAt;

    /** Allocated minus units of placed orders plus units returned to the offer by cancelled or expired orders. */
    public int remaining() {
        return Math.max(0, quantity - unitsPlaced + unitsReturned);
    }

    public boolean isOpen() {
        return status == OfferStatus.OPEN;
    }

    /** OPEN → CLOSED, unpinned; 409 {@code offer-not-open} when it was closed already. */
    public void close(String reason, Instant at) {
        StatusMachine.refuseUnless(status, OfferStatus.CLOSED, "offer-not-open", "Offer " + id);
        status = OfferStatus.CLOSED;
        pinned = false;
        closedAt = at;
        closeReason = reason;
    }

    /**
     * Orders placed ({@code placed}) or gave back ({@code returned}) units of this offer; the version orders the
     * feed's stock updates.
     */
    public void stockChanged(int placed, int returned) {
        unitsPlaced += placed;
        unitsReturned += returned;
        stockVersion++;
    }
}
