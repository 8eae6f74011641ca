package live.harvest.integrations.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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
}
