package live.harvest.platform.region;

import java.util.regex.Pattern;

/**
 * Chinese administrative division codes as used across services: province = first 2 digits, city = 4,
 * county = 6, township = 9, village = 12. A finer code must start with its parent's code.
 */
public final class RegionCodes {

    public static final String COUNTY_PATTERN = "^[1-9]\\d{5}$";
    public static final String TOWNSHIP_PATTERN = "^[1-9]\\d{8}$";
    public static final String VILLAGE_PATTERN = "^[1-9]\\d{11}$";

    private static final Pattern COUNTY = Pattern.compile(COUNTY_PATTERN);
    private static final Pattern TOWNSHIP = Pattern.compile(TOWNSHIP_PATTERN);
    private static final Pattern VILLAGE = Pattern.compile(VILLAGE_PATTERN);

    private RegionCodes() {
    }

    public static boolean isCounty(String code) {
        return code != null && COUNTY.matcher(code).matches();
    }

    public static boolean isTownship(String code) {
        return code != null && TOWNSHIP.matcher(code).matches();
    }

    public static boolean isVillage(String code) {
        return code != null && VILLAGE.matcher(code).matches();
    }

    /** True when {@code child} lies inside {@code parent} (a township in its county, a village in its township). */
    public static boolean within(String child, String parent) {
        return child != null && parent != null && child.length() > parent.length() && child.startsWith(parent);
    }

    public static String countyOf(String townshipOrVillage) {
        return townshipOrVillage.substring(0, 6);
    }

    public static String townshipOf(String village) {
        return village.substring(0, 9);
    }
}
