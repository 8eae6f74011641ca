package live.harvest.e2e;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh county's logistics network for one run: a cold-storage centre and three cold-capable township stations;
 * a fourth township of the county is deliberately not covered.
 */
public record Network(String county, String centre, List<String> townships, String uncoveredTownship,
                      String pickupVillage, String pickupPoint) {

    public static Network random() {
        String county = "3" + (10000 + ThreadLocalRandom.current().nextInt(89999));
        return new Network(county, "CTR-" + county, List.of(county + "100", county + "101", county + "102"),
                county + "103", county + "100201", "PP-" + county + "100201");
    }

    public String stationOf(String township) {
        return "STN-" + township;
    }

    public List<String> sites() {
        List<String> sites = new java.util.ArrayList<>(List.of(centre));
        townships.forEach(t -> sites.add(stationOf(t)));
        return sites;
    }

    /** The bulk-import document logistics accepts (all or nothing). */
    public Map<String, Object> importDocument() {
        List<Map<String, Object>> stations = townships.stream().map(t -> Map.<String, Object>of(
                "code", stationOf(t), "name", "Station " + t, "townships", List.of(t), "coldCapable", true,
                "openingHours", "08:00-20:00",
                "pickupPoints", t.equals(pickupVillage.substring(0, 9))
                        ? List.of(Map.of("code", pickupPoint, "villageCode", pickupVillage, "name", "Village shop"))
                        : List.of())).toList();
        return Map.of(
                "county", Map.of("code", county, "name", "County " + county, "province", "Zhejiang"),
                "centre", Map.of("code", centre, "name", "County centre", "address", "1 Logistics Road",
                        "coldStorage", true),
                "stations", stations);
    }

    public Map<String, Object> address(String township, String recipient) {
        return Map.of("recipient", recipient, "phone", "13800138000", "countyCode", county,
                "townshipCode", township, "detail", "No. 8, Main Street");
    }
}
