package live.harvest.integrations.history;

import com.fasterxml.jackson.databind.JsonNode;
import live.harvest.platform.region.RegionCodes;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What an event's payload says about who it concerns, read by field name so every contract of the four domains is
 * covered by one rule: the order, shipment and seller it belongs to, the counties and logistics sites it names and
 * the payment partner that paid it. {@link EventFacts} adds what earlier events taught.
 *
 * @param sellerCounty  the seller's home county, when the event states it ({@code sellerCountyCode})
 * @param deliveryCounty the county the parcel goes to ({@code address.countyCode}, or the county of a shipment's
 *                       {@code destinationTownshipCode})
 * @param counties      every county the payload names, the two above included
 */
record Mentions(UUID orderId, UUID shipmentId, UUID sellerId, String sellerCounty, String deliveryCounty,
                Set<String> counties, Set<String> sites, String paymentPartner) {

    /** Fields holding a logistics site code (centres, stations, pickup points, a cold-chain reading's site). */
    static final List<String> SITE_FIELDS = List.of("originCentreCode", "destinationCentreCode", "centreCode",
            "stationCode", "pickupPointCode", "siteCode");
    /** Fields holding a county code besides the seller's: a product's origin. */
    static final List<String> COUNTY_FIELDS = List.of("originCountyCode");

    static Mentions of(JsonNode payload) {
        String sellerCounty = county(text(payload, "sellerCountyCode"));
        String deliveryCounty = county(text(payload.path("address"), "countyCode"));
        String destinationTownship = text(payload, "destinationTownshipCode");
        if (deliveryCounty == null && RegionCodes.isTownship(destinationTownship)) {
            deliveryCounty = RegionCodes.countyOf(destinationTownship);
        }
        Set<String> counties = new TreeSet<>();
        addIfPresent(counties, sellerCounty);
        addIfPresent(counties, deliveryCounty);
        COUNTY_FIELDS.forEach(field -> addIfPresent(counties, county(text(payload, field))));
        Set<String> sites = new TreeSet<>();
        SITE_FIELDS.forEach(field -> addIfPresent(sites, text(payload, field)));
        UUID shipmentId = uuid(payload, "shipmentId");
        return new Mentions(uuid(payload, "orderId"), shipmentId, uuid(payload, "sellerId"), sellerCounty,
                deliveryCounty, counties, sites, text(payload, "paymentPartnerId"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static String county(String code) {
        return RegionCodes.isCounty(code) ? code : null;
    }

    private static UUID uuid(JsonNode node, String field) {
        String text = text(node, field);
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void addIfPresent(Set<String> into, String value) {
        if (value != null) {
            into.add(value);
        }
    }
}
