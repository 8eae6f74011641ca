package live.harvest.platform.event.common;

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

    public boolean allows(double celsius) {
        return celsius >= minCelsius && celsius <= maxCelsius;
    }
}
