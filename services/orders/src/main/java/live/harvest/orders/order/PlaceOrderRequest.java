package live.harvest.orders.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import live.harvest.platform.region.RegionCodes;

import java.util.List;
import java.util.UUID;

/** What a buyer sends: what to buy and where to. Prices are never taken from the client. */
public record PlaceOrderRequest(
        @NotEmpty @Size(max = 20) List<@NotNull @Valid Line> lines,
        @NotNull @Valid Address address) {

    /** Exactly one of {@code offerId} (a live-stream offer) or {@code skuId} (a regular listing). */
    public record Line(UUID offerId, UUID skuId, @Min(1) @Max(999) int quantity) {
    }

    public record Address(
            @NotBlank @Size(max = 100) String recipient,
            @NotNull @Pattern(regexp = "^1[3-9]\\d{9}$",
                    message = "must be a mainland China mobile number: 11 digits starting 13-19") String phone,
            @NotNull @Pattern(regexp = RegionCodes.COUNTY_PATTERN,
                    message = "must be a 6-digit county code") String countyCode,
            @NotNull @Pattern(regexp = RegionCodes.TOWNSHIP_PATTERN,
                    message = "must be a 9-digit township code") String townshipCode,
            @Pattern(regexp = RegionCodes.VILLAGE_PATTERN,
                    message = "must be a 12-digit village code") String villageCode,
            @NotBlank @Size(max = 300) String detail) {
    }
}
