package live.harvest.testkit.archsample.tidy.config;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "harvest.tidy")
public interface TidyConfig {
    int limit();
}
