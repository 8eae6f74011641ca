package live.harvest.livestream.stream;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the stream endpoints: inputs *Request, outputs *View. */
public final class StreamDtos {

    /** A name from the shared product taxonomy ({@code ProductCategory}), e.g. {@code TEA} or {@code tea}. */
    public static final String CATEGORY_PATTERN = "^[A-Za-z][A-Za-z_-]{1,39}$";
    /** Province (2 digits), city (4) or county (6) region-code prefix. */
    public static final String REGION_PREFIX_PATTERN = "^\\d{2}(\\d{2}){0,2}$";

    private StreamDtos() {
    }

    public record ScheduleStreamRequest(
            @NotBlank @Size(max = 120) String title,
            @NotNull @Future Instant plannedStart,
            @Size(max = 500) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String coverImageUrl,
            @Size(max = 20) List<@NotNull UUID> featuredProductIds,
            @Schema(description = "Catalog's product category, e.g. TEA, FRUIT, AQUATIC (case-insensitive)")
            @Pattern(regexp = CATEGORY_PATTERN, message = "must be a product category such as TEA or FRUIT")
            String category) {
    }

    public record CancelStreamRequest(@Size(max = 500) String reason) {
    }

    public record CountersView(Long peakViewers, Long uniqueViewers, Long likes) {
    }

    public record StreamView(UUID id, UUID sellerId, String sellerDisplayName, String homeCountyCode, String title,
                             String category, String coverImageUrl, List<UUID> featuredProductIds,
                             Instant plannedStart, StreamStatus status, Instant startedAt, Instant endedAt,
                             Instant cancelledAt, String cancelReason, CountersView counters) {

        public static StreamView of(Stream s) {
            CountersView counters = s.likes == null && s.peakViewers == null ? null
                    : new CountersView(s.peakViewers, s.uniqueViewers, s.likes);
            return new StreamView(s.id, s.sellerId, s.sellerDisplayName, s.homeCountyCode, s.title, s.category,
                    s.coverImageUrl, s.featured(), s.plannedStart, s.status, s.startedAt, s.endedAt, s.cancelledAt,
                    s.cancelReason, counters);
        }
    }
}
