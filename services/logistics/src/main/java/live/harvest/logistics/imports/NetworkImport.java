package live.harvest.logistics.imports;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import live.harvest.logistics.network.NetworkDtos;
import live.harvest.platform.region.RegionCodes;

import java.util.List;

/**
 * One county's whole network in one document: the county, its distribution centre, its township stations and
 * their village pickup points. Deliberately not annotated {@code @Valid} at the resource: the import validator
 * runs these constraints itself so it can report them together with the cross-row rules.
 */
public record NetworkImport(
        @NotNull @Valid County county,
        @NotNull @Valid Centre centre,
        @NotNull List<@NotNull @Valid Station> stations) {

    public record County(
            @NotNull @Pattern(regexp = RegionCodes.COUNTY_PATTERN, message = "must be a 6-digit county code") String code,
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 100) String province) {
    }

    public record Centre(
            @NotNull @Pattern(regexp = NetworkDtos.SITE_CODE_PATTERN, message = "must be a site code") String code,
            @Size(max = 100) String name,
            @NotBlank @Size(max = 300) String address,
            boolean coldStorage) {
    }

    public record Station(
            @NotNull @Pattern(regexp = NetworkDtos.SITE_CODE_PATTERN, message = "must be a site code") String code,
            @Size(max = 100) String name,
            @NotEmpty List<@NotNull @Pattern(regexp = RegionCodes.TOWNSHIP_PATTERN,
                    message = "must be a 9-digit township code") String> townships,
            boolean coldCapable,
            @NotBlank @Size(max = 100) String openingHours,
            List<@NotNull @Valid PickupPoint> pickupPoints) {

        public List<PickupPoint> pickupPointsOrEmpty() {
            return pickupPoints == null ? List.of() : pickupPoints;
        }
    }

    public record PickupPoint(
            @NotNull @Pattern(regexp = NetworkDtos.SITE_CODE_PATTERN, message = "must be a site code") String code,
            @NotNull @Pattern(regexp = RegionCodes.VILLAGE_PATTERN, message = "must be a 12-digit village code")
            String villageCode,
            @NotBlank @Size(max = 100) String name) {
    }

    /** What an import did; a re-import of the same document creates nothing. */
    public record Result(String countyCode, String centreCode, Counts stations, Counts pickupPoints,
                         int townships, boolean countyCreated, boolean centreCreated) {
    }

    public record Counts(int created, int updated) {
    }
}
