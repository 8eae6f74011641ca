package live.harvest.e2e;

import java.time.Duration;

/**
 * Plays the flash sale against the running local stack (deploy/local/stack.sh up) at a visible scale and prints
 * the report. Run it with deploy/local/demo-flash-sale.sh; settings come from system properties.
 */
public final class DemoMain {

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        FlashSaleScenario.Settings settings = new FlashSaleScenario.Settings(
                Integer.getInteger("units", 500), Integer.getInteger("buyers", 5000),
                Integer.getInteger("attempts", 1), Integer.getInteger("limit", 2), Long.getLong("price", 12800),
                Integer.getInteger("concurrency", 64), Duration.ofMinutes(Long.getLong("timeoutMinutes", 10)));
        FlashSaleScenario.Endpoints urls = new FlashSaleScenario.Endpoints(
                env("CATALOG_URL", "http://127.0.0.1:8081"), env("LIVESTREAM_URL", "http://127.0.0.1:8082"),
                env("ORDERS_URL", "http://127.0.0.1:8083"), env("LOGISTICS_URL", "http://127.0.0.1:8084"));
        TokenMinter tokens = new TokenMinter(System.getProperty("signingKey", "file:.run/jwt/privateKey.pem"),
                env("HARVEST_JWT_ISSUER", "https://harvest.live/local"));
        long start = System.nanoTime();
        Report report = new FlashSaleScenario(settings, urls, tokens,
                env("DEMO_PAY_SECRET", "demo-pay-secret-change-me"), System.out::println).run();
        System.out.println(report.render());
        System.out.printf("total %d s%n", (System.nanoTime() - start) / 1_000_000_000L);
        System.exit(report.oversell() == 0 ? 0 : 1);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
