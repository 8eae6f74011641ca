package live.harvest.integrations.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

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
