package live.harvest.integrations.partner;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the partner registration API. No response but the first carries a secret. */
public final class PartnerDtos {

    private PartnerDtos() {
    }

    public record PartnerRequest(
            @NotBlank @Size(max = 100) String name,
            @NotNull PartnerKind kind,
            @Schema(description = "Partner API scopes, a subset of payments:write payments:refund orders:read "
                    + "shipments:read shipments:write events:read webhooks:manage")
            @NotEmpty @Size(max = 20) List<@NotBlank String> scopes,
            @Email @Size(max = 254) String contactEmail) {
    }

    public record PartnerView(UUID id, String clientId, String name, PartnerKind kind, List<String> scopes,
                              String contactEmail, PartnerStatus status, Instant secretIssuedAt,
                              Instant createdAt, Instant updatedAt) {
        static PartnerView of(Partner p) {
            return new PartnerView(p.id, p.clientId, p.name, p.kind, p.scopes.stream().sorted().toList(),
                    p.contactEmail, p.status, p.secretIssuedAt, p.createdAt, p.updatedAt);
        }
    }

    /** The answer to a registration: the partner, and its client secret only the first time. */
    public record RegisteredPartner(
            UUID id, String clientId, String name, PartnerKind kind, List<String> scopes, String contactEmail,
            PartnerStatus status, Instant secretIssuedAt, Instant createdAt, Instant updatedAt,
            @Schema(description = "The client secret, in the 201 response only: it is not stored and never shown "
                    + "again (rotate it if lost)")
            @JsonInclude(JsonInclude.Include.NON_NULL) String clientSecret,
            @Schema(description = "Set when a retry with the same Idempotency-Key found the partner already registered")
            @JsonInclude(JsonInclude.Include.NON_NULL) String note) {

        static RegisteredPartner of(PartnerView p, String clientSecret, String note) {
            return new RegisteredPartner(p.id(), p.clientId(), p.name(), p.kind(), p.scopes(), p.contactEmail(),
                    p.status(), p.secretIssuedAt(), p.createdAt(), p.updatedAt(), clientSecret, note);
        }
    }

    /** A freshly rotated client secret, shown once. */
    public record PartnerSecret(UUID id, String clientId, String clientSecret, Instant secretIssuedAt) {
    }

    public record PartnerPage(List<PartnerView> items, int page, int size, long total) {
    }
}
