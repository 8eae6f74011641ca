package live.harvest.integrations.webhook.endpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import live.harvest.platform.region.RegionCodes;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the webhook endpoint API. Only the creation's answer carries the secret. */
public final class EndpointDtos {

    static final String TYPE_PATTERN = "^[a-z][a-z0-9-]*\\.(\\*|[a-z][a-z0-9-]*)$";
    static final String SITE_PATTERN = "^[A-Z0-9][A-Z0-9_-]{0,39}$";

    private EndpointDtos() {
    }

    public record EndpointRequest(
            @Schema(description = "https URL deliveries are POSTed to; it must resolve to public addresses only",
                    example = "https://partner.example.com/harvest/webhooks")
            @NotBlank @Size(max = 2048) String url,
            @Schema(description = "Exact event types (orders.order-paid) or a domain's prefix (orders.*)")
            @NotEmpty @Size(max = 50) List<@NotBlank @Pattern(regexp = TYPE_PATTERN,
                    message = "must be an event type or a domain.* prefix") String> eventTypes,
            @Schema(description = "Optional: only events concerning one of these counties (within the partner's grant)")
            @Size(max = 200) List<@NotBlank @Pattern(regexp = RegionCodes.COUNTY_PATTERN,
                    message = "must be a 6-digit county code") String> counties,
            @Schema(description = "Optional: only events concerning one of these logistics sites (within the grant)")
            @Size(max = 500) List<@NotBlank @Pattern(regexp = SITE_PATTERN,
                    message = "must be an upper-case site code") String> sites,
            @Size(max = 200) String description) {
    }

    /** A partial update: absent fields stay as they are; an empty counties or sites list removes that filter. */
    public record EndpointUpdateRequest(
            @Size(min = 1, max = 2048) String url,
            @Size(min = 1, max = 50) List<@NotBlank @Pattern(regexp = TYPE_PATTERN,
                    message = "must be an event type or a domain.* prefix") String> eventTypes,
            @Size(max = 200) List<@NotBlank @Pattern(regexp = RegionCodes.COUNTY_PATTERN,
                    message = "must be a 6-digit county code") String> counties,
            @Size(max = 500) List<@NotBlank @Pattern(regexp = SITE_PATTERN,
                    message = "must be an upper-case site code") String> sites,
            @Size(max = 200) String description,
            @Schema(description = "false pauses deliveries; true re-enables an endpoint we disabled, and its "
                    + "pending deliveries resume")
            Boolean enabled) {
    }

    public record EndpointView(
            UUID id, String url, String description, List<String> eventTypes, List<String> counties,
            List<String> sites, boolean enabled,
            @Schema(description = "Why the endpoint is disabled (webhook.endpoint-disabled), when it is")
            @JsonInclude(JsonInclude.Include.NON_NULL) String disabledReason,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant disabledAt,
            @Schema(description = "Start of the current run of failed deliveries; absent while healthy")
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant failingSince,
            Instant createdAt, Instant updatedAt) {

        static EndpointView of(WebhookEndpoint e) {
            return new EndpointView(e.id, e.url, e.description, List.of(e.eventTypes), listOf(e.counties),
                    listOf(e.sites), e.enabled, e.disabledReason, e.disabledAt, e.failingSince, e.createdAt,
                    e.updatedAt);
        }

        private static List<String> listOf(String[] values) {
            return values == null ? List.of() : Arrays.stream(values).sorted().toList();
        }
    }

    /** The answer to a creation: the endpoint and, the first time only, its signing secret. */
    public record CreatedEndpointView(
            @NotNull EndpointView endpoint,
            @Schema(description = "whsec_<base64>: verify deliveries with it. Shown in the 201 answer only; rotate "
                    + "it if lost") @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
            @Schema(description = "Set when a retry with the same Idempotency-Key found the endpoint")
            @JsonInclude(JsonInclude.Include.NON_NULL) String note) {
    }

    /** A rotated secret: sign with it from now on; the previous one still signs until {@code previousValidUntil}. */
    public record SecretView(UUID endpointId, String secret, Instant previousValidUntil) {
    }

    public record EndpointPage(List<EndpointView> items, int page, int size, long total) {
    }
}
