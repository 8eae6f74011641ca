package live.harvest.livestream.stream;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import live.harvest.platform.state.StatusMachine;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A live-commerce session of one seller; {@link StreamStatus} lists the moves, the methods below make them. */
@Entity
@Table(name = "stream")
public class Stream extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "seller_id", nullable = false)
    public UUID sellerId;

    @Column(name = "seller_display_name")
    public String sellerDisplayName;

    /** Copied from the seller's catalog profile when scheduling: what regional discovery filters on. */
    @Column(name = "home_county_code", nullable = false)
    public String homeCountyCode;

    @Column(nullable = false)
    public String title;

    public String category;

    @Column(name = "cover_image_url")
    public String coverImageUrl;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "featured_product_ids", nullable = false, columnDefinition = "uuid[]")
    public UUID[] featuredProductIds;

    @Column(name = "planned_start", nullable = false)
    public Instant plannedStart;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StreamStatus status;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "peak_viewers")
    public Long peakViewers;

    @Column(name = "unique_viewers")
    public Long uniqueViewers;

    public Long likes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public List<UUID> featured() {
        return featuredProductIds == null ? List.of() : List.of(featuredProductIds);
    }

    public boolean isLive() {
        return status == StreamStatus.LIVE;
    }

    /**
     * 409 unless the stream may become {@code target}: {@code stream-not-scheduled} when it should go live or be
     * cancelled but is not scheduled, {@code stream-not-live} when it should end but is not live.
     */
    public void checkMove(StreamStatus target) {
        StatusMachine.refuseUnless(status, target,
                target == StreamStatus.ENDED ? "stream-not-live" : "stream-not-scheduled", "Stream " + id);
    }

    public void goLive(Instant at) {
        moveTo(StreamStatus.LIVE);
        startedAt = at;
    }

    public void end(Instant at) {
        moveTo(StreamStatus.ENDED);
        endedAt = at;
    }

    public void cancel(String reason, Instant at) {
        moveTo(StreamStatus.CANCELLED);
        cancelledAt = at;
        cancelReason = reason == null || reason.isBlank() ? null : reason.strip();
    }

    /** The counters' final figures, kept on the row once Redis no longer holds them. */
    public void recordCounters(long peak, long unique, long likeCount) {
        peakViewers = peak;
        uniqueViewers = unique;
        likes = likeCount;
    }

    private void moveTo(StreamStatus target) {
        checkMove(target);
        status = target;
    }
}
