package live.harvest.integrations.webhook.ssrf;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import live.harvest.integrations.config.IntegrationsConfig;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;

/** The configured {@link UrlGuard}: the JDK resolver, {@code allow-http} and {@code allowed-hosts}. */
public class UrlGuardProducer {

    @Produces
    @Singleton
    UrlGuard urlGuard(IntegrationsConfig config) {
        IntegrationsConfig.Webhooks webhooks = config.webhooks();
        return new UrlGuard(webhooks.allowHttp(), Set.copyOf(webhooks.allowedHosts().orElse(List.of())),
                InetAddress::getAllByName);
    }
}
