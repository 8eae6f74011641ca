package live.harvest.platform.event;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * Lends the names of {@link Topics} to configuration, so a channel says {@code topic=${harvest.topics.orders}} and no
 * properties file repeats a topic name: {@code harvest.topics.catalog}, {@code .livestream}, {@code .orders},
 * {@code .logistics} and {@code harvest.topics.dead-letter} (the running service's own). Each value is an expression
 * over {@link TopicNamespace#PREFIX_PROPERTY}, expanded like any property, so channels follow the profile's namespace
 * (ADR 0017).
 * Registered through {@code META-INF/services}.
 */
public class TopicNames implements ConfigSource {

    private static final String IN_NAMESPACE = "${" + TopicNamespace.PREFIX_PROPERTY + ":}";

    private static final Map<String, String> NAMES = Map.of(
            "harvest.topics.catalog", IN_NAMESPACE + Topics.CATALOG,
            "harvest.topics.livestream", IN_NAMESPACE + Topics.LIVESTREAM,
            "harvest.topics.orders", IN_NAMESPACE + Topics.ORDERS,
            "harvest.topics.logistics", IN_NAMESPACE + Topics.LOGISTICS,
            "harvest.topics.dead-letter", IN_NAMESPACE + Topics.deadLetter("${quarkus.application.name}"));

    @Override
    public Map<String, String> getProperties() {
        return NAMES;
    }

    @Override
    public Set<String> getPropertyNames() {
        return NAMES.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return NAMES.get(propertyName);
    }

    @Override
    public String getName() {
        return "harvest-topic-names";
    }

    @Override
    public int getOrdinal() {
        return 50; // below the properties files and the environment, like any default
    }
}
