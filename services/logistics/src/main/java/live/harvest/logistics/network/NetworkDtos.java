package live.harvest.logistics.network;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import live.harvest.platform.region.RegionCodes;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Request and response bodies of the network administration API. Site codes are free-form but short. */
public final class NetworkDtos {

    /** Site codes are printed on labels and scanned: letters, digits and dashes. */
    public static final String SITE_CODE_PATTERN = "^[A-Za-z0-9][A-Za-z0-9-]{1,39}$";

    private NetworkDtos() {
    }

    public record CountyCreate(
            @NotNull @Pattern(regexp = RegionCodes.COUNTY_PATTERN, message = "must be a 6-digit county code") String code,
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 100) String province) {
    }

    public record CountyUpdate(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 100) String province) {
    }

    public record CountyView(String code, String name, String province, Instant createdAt, Instant updatedAt) {
        static CountyView of(County c) {
            return new CountyView(c.code, c.name, c.province, c.createdAt, c.updatedAt);
        }
    }

    public record CentreCreate(
            @NotNull @Pattern(regexp = SITE_CODE_PATTERN, message = "must be a site code") String code,
            @NotNull @Pattern(regexp = RegionCodes.COUNTY_PATTERN, message = "must be a 6-digit county code")
            String countyCode,
            @Size(max = 100) String name,
            @NotBlank @Size(max = 300) String address,
            boolean coldStorage) {
    }

    public record CentreUpdate(@Size(max = 100) String name, @NotBlank @Size(max = 300) String address,
                               boolean coldStorage) {
    }

    public record CentreView(String code, String countyCode, String name, String address, boolean coldStorage,
                             Instant createdAt, Instant updatedAt) {
        static CentreView of(Centre c) {
            return new CentreView(c.code, c.countyCode, c.name, c.address, c.coldStorage, c.createdAt, c.updatedAt);
        }
    }

    public record StationCreate(
            @NotNull @Pattern(regexp = SITE_CODE_PATTERN, message = "must be a site code") String code,
            @NotNull @Pattern(regexp = SITE_CODE_PATTERN, message = "must be a site code") String centreCode,
            @Size(max = 100) String name,
            @NotEmpty List<@NotNull @Pattern(regexp = RegionCodes.TOWNSHIP_PATTERN,
                    message = "must be a 9-digit township code") String> townships,
            boolean coldCapable,
            @NotBlank @Size(max = 100) String openingHours) {
    }

    public record StationUpdate(
            @Size(max = 100) String name,
            @NotEmpty List<@NotNull @Pattern(regexp = RegionCodes.TOWNSHIP_PATTERN,
                    message = "must be a 9-digit township code") String> townships,
            boolean coldCapable,
            @NotBlank @Size(max = 100) String openingHours) {
    }

    public record StationView(String code, String centreCode, String name, Set<String> townships,
                              boolean coldCapable, String openingHours, Instant createdAt, Instant updatedAt) {
        static StationView of(Station s) {
            return new StationView(s.code, s.centreCode, s.name, Set.copyOf(s.townships), s.coldCapable,
                    s.openingHours, s.createdAt, s.updatedAt);
        }
    }

    public record PickupPointCreate(
            @NotNull @Pattern(regexp = SITE_CODE_PATTERN, message = "must be a site code") String code,
            @NotNull @Pattern(regexp = SITE_CODE_PATTERN, message = "must be a site code") String stationCode,
            @NotNull @Pattern(regexp = RegionCodes.VILLAGE_PATTERN, message = "must be a 12-digit village code")
            String villageCode,
            @NotBlank @Size(max = 100) String name) {
    }

    public record PickupPointUpdate(
            @NotNull @Pattern(regexp = SITE_CODE_PATTERN, message = "must be a site code") String stationCode,
            @NotNull @Pattern(regexp = RegionCodes.VILLAGE_PATTERN, message = "must be a 12-digit village code")
            String villageCode,
            @NotBlank @Size(max = 100) String name) {
    }

    public record PickupPointView(String code, String stationCode, String villageCode, String name,
                                  Instant createdAt, Instant updatedAt) {
        static PickupPointView of(PickupPoint p) {
            return new PickupPointView(p.code, p.stationCode, p.villageCode, p.name, p.createdAt, p.updatedAt);
        }
    }
}
