package live.harvest.catalog.seller;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import live.harvest.platform.input.FreeText;
import live.harvest.platform.region.RegionCodes;

import java.time.Instant;
import java.util.UUID;

/** Request and response shapes of the seller API. */
public final class SellerDtos {

    private SellerDtos() {
    }

    public record ProfileRequest(
            @NotBlank @Size(max = 80) String displayName,
            @NotNull SellerKind kind,
            @Size(max = 120) String cooperativeName,
            @NotNull @Pattern(regexp = RegionCodes.COUNTY_PATTERN, message = "must be a 6-digit county code")
            String homeCountyCode,
            @NotNull @Pattern(regexp = RegionCodes.TOWNSHIP_PATTERN, message = "must be a 9-digit township code")
            String homeTownshipCode,
            @NotNull @Pattern(regexp = "^\\+?[0-9][0-9 -]{5,18}[0-9]$", message = "must be a phone number")
            String contactPhone,
            @FreeText @Size(max = 2000) String bio) {
    }

    public record VerificationRequest(@NotNull Boolean verified, @FreeText @Size(max = 500) String note) {
    }

    /** What anyone may see: no phone, no verification note. */
    public record PublicSeller(UUID sellerId, String displayName, SellerKind kind, String cooperativeName,
                               String homeCountyCode, String homeTownshipCode, String bio, boolean verified) {
        public static PublicSeller of(Seller s) {
            return new PublicSeller(s.id, s.displayName, s.kind, s.cooperativeName, s.homeCountyCode,
                    s.homeTownshipCode, s.bio, s.verified);
        }
    }

    /** What the seller themself and admins see. */
    public record SellerProfile(UUID sellerId, String displayName, SellerKind kind, String cooperativeName,
                                String homeCountyCode, String homeTownshipCode, String contactPhone, String bio,
                                boolean verified, String verificationNote, Instant verifiedAt, Instant createdAt,
                                Instant updatedAt) {
        static SellerProfile of(Seller s) {
            return new SellerProfile(s.id, s.displayName, s.kind, s.cooperativeName, s.homeCountyCode,
                    s.homeTownshipCode, s.contactPhone, s.bio, s.verified, s.verificationNote, s.verifiedAt,
                    s.createdAt, s.updatedAt);
        }
    }
}
