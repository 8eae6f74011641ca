package live.harvest.platform.event.common;

import java.util.Objects;
import java.util.stream.Stream;

/** How a product must be kept in transit; chilled and frozen goods travel only through cold-capable sites. */
public enum TemperatureClass {
    AMBIENT(-10, 35),
    CHILLED(0, 8),
    FROZEN(-30, -15);

    private final int minCelsius;
    private final int maxCelsius;

    TemperatureClass(int minCelsius, int maxCelsius) {
        this.minCelsius = minCelsius;
        this.maxCelsius = maxCelsius;
    }

    public int minCelsius() {
        return minCelsius;
    }

    public int maxCelsius() {
        return maxCelsius;
    }

    public boolean needsColdChain() {
        return this != AMBIENT;
    }

    /** The class a parcel of these goods travels in: one frozen item makes a frozen parcel (nulls ignored). */
    public static TemperatureClass strictest(Stream<TemperatureClass> classes) {
        // Declared from the least to the most demanding, so the highest ordinal wins.
        return classes.filter(Objects::nonNull).reduce(AMBIENT, (a, b) -> a.ordinal() >= b.ordinal() ? a : b);
    }

    public boolean allows(double celsius) {
        return celsius >= minCelsius && celsius <= maxCelsius;
    }
}
