package live.harvest.integrations.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "harvest.integrations")
public interface IntegrationsConfig {

    /** The identity provider's realm partner clients are registered in (the realm every service trusts). */
    @WithDefault("harvest")
    String realm();

    /**
     * Client scopes every partner client gets as default scopes besides its API scopes: {@code harvest-claims}
     * (roles in {@code groups}) and {@code partner-role} (adds realm role {@code partner} to its tokens).
     */
    @WithDefault("basic,harvest-claims,roles,acr,partner-role")
    List<String> baseClientScopes();

    /** Partners' webhook endpoints and their deliveries (ADR 0022). */
    Webhooks webhooks();

    interface Webhooks {

        /** Accept {@code http://} endpoint URLs besides {@code https://}: local and test only, never in prod. */
        @WithDefault("false")
        boolean allowHttp();

        /**
         * Host names or IP literals an endpoint may use even though they resolve to a refused (private, loopback,
         * link-local...) address: local tests only; empty in prod.
         */
        Optional<List<String>> allowedHosts();

        /** How long a rotated secret still signs deliveries beside the new one. */
        @WithDefault("PT24H")
        Duration secretGrace();

        /**
         * The delay before each attempt of a delivery, the first included: {@code 0s,5s,5m,30m,2h,5h,10h,10h} is
         * eight attempts over about 28 hours. After the last one fails the delivery is failed and its endpoint
         * disabled.
         */
        @WithDefault("0s,5s,5m,30m,2h,5h,10h,10h")
        List<Duration> schedule();

        /** Each delay is drawn uniformly within plus or minus this share of itself (0.2 = +-20 %). */
        @WithDefault("0.2")
        double jitter();

        /** An endpoint whose deliveries have failed without a single success for this long is disabled. */
        @WithDefault("P5D")
        Duration disableAfter();

        /** Connect timeout of a delivery. */
        @WithDefault("PT2S")
        Duration connectTimeout();

        /** Time a receiver has to answer a delivery (status line and headers) before the attempt fails. */
        @WithDefault("PT10S")
        Duration requestTimeout();

        /** Deliveries to one endpoint in flight at once, across all instances. */
        @WithDefault("4")
        int maxInFlightPerEndpoint();

        /** Deliveries in flight at once in one instance. */
        @WithDefault("64")
        int maxInFlight();

        /**
         * How long a leased delivery belongs to the instance that leased it; it must exceed the connect plus request
         * timeouts. A lease that runs out (the instance died) makes the delivery due again.
         */
        @WithDefault("PT1M")
        Duration lease();

        /** Fallback poll for due deliveries (retries, other instances' events); new events wake it at once. */
        @WithDefault("PT1S")
        Duration pollInterval();

        /** Run the dispatcher in this instance. */
        @WithDefault("true")
        boolean dispatcherEnabled();
    }

    /** The partner event history (ADR 0021). */
    History history();

    interface History {

        /**
         * How long an event stays readable in the history after it was recorded (at least 30 days are promised to
         * partners); older rows, and facts not touched for as long, are purged.
         */
        @WithDefault("P35D")
        Duration retention();

        /** How often the purge runs (a Quarkus scheduler interval, e.g. {@code 1h}). */
        @WithDefault("1h")
        String purgeEvery();

        /** Rows deleted per purge statement, so one purge never holds a long transaction. */
        @WithDefault("5000")
        int purgeBatch();
    }
}
