package live.harvest.livestream.feed;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready to serve live feeds only while the instance holds its Redis feed subscription (see {@link FeedHub}). */
@Readiness
@ApplicationScoped
public class FeedReadiness implements HealthCheck {

    private final FeedHub hub;

    public FeedReadiness(FeedHub hub) {
        this.hub = hub;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("live-feed")
                .status(hub.subscribed())
                .withData("redisConnection", hub.connectionName())
                .build();
    }
}
