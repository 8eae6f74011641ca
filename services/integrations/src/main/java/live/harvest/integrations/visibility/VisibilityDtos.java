package live.harvest.integrations.visibility;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import live.harvest.integrations.partner.PartnerKind;
import live.harvest.platform.region.RegionCodes;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of a partner's visibility (admin only). */
public final class VisibilityDtos {

    /** A logistics site code as logistics issues them: CTR-330127, STN-330127100, PP-330127100201. */
    public static final String SITE_PATTERN = "^[A-Z0-9][A-Z0-9-]{1,39}$";
    /** A payment partner id: the {@code X-Payment-Partner} header of orders' payment callbacks. */
    public static final String PAYMENT_PARTNER_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    private VisibilityDtos() {
    }

    public record VisibilityRequest(
            @Schema(description = "County codes (6 digits) whose events the partner sees")
            @NotNull @Size(max = 200) List<@NotBlank @Pattern(regexp = RegionCodes.COUNTY_PATTERN,
                    message = "must be a 6-digit county code") String> counties,
            @Schema(description = "Logistics site codes (centres, stations, pickup points), upper case")
            @NotNull @Size(max = 500) List<@NotBlank @Pattern(regexp = SITE_PATTERN,
                    message = "must be an upper-case site code") String> sites,
            @Schema(description = "PAYMENT_PROVIDER partners only: the X-Payment-Partner id of their payment callbacks")
            @Pattern(regexp = PAYMENT_PARTNER_PATTERN, message = "must be a payment partner id") String paymentPartnerId) {
    }

    public record VisibilityView(UUID partnerId, PartnerKind kind, List<String> counties, List<String> sites,
                                 String paymentPartnerId, Instant updatedAt) {
    }
}
