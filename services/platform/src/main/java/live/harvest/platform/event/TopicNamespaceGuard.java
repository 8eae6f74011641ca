package live.harvest.platform.event;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.Config;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Refuses to start a service in a namespace (tests, e2e) when one of its channels names a topic outside it: a literal
 * {@code topic=harvest.orders.events} in a properties file would make the tests read or write a running stack's
 * records again (ADR 0017). Runs before the messaging channels start.
 */
@ApplicationScoped
public class TopicNamespaceGuard {

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent startup,
               TopicNamespace namespace, Config config) {
        List<String> outside = outside(namespace.topicPrefix().orElse(""),
                StreamSupport.stream(config.getPropertyNames().spliterator(), false).toList(),
                name -> config.getOptionalValue(name, String.class).orElse(""));
        if (!outside.isEmpty()) {
            throw new IllegalStateException("Topics outside the namespace '" + namespace.topicPrefix().orElse("")
                    + "' (name them ${harvest.topics.*}, ADR 0017): " + outside);
        }
    }

    /**
     * The channel settings that leave {@code prefix}: a topic ({@code mp.messaging.*.topic}, dead-letter topics too)
     * not under it, or a channel with no topic at all (the connector would use the channel's name).
     */
    public static List<String> outside(String prefix, List<String> propertyNames, Function<String, String> valueOf) {
        if (prefix.isEmpty()) {
            return List.of();
        }
        Stream<String> foreign = propertyNames.stream()
                .filter(name -> name.startsWith("mp.messaging.") && name.endsWith(".topic"))
                .filter(name -> !valueOf.apply(name).startsWith(prefix))
                .map(name -> name + "=" + valueOf.apply(name));
        Stream<String> unnamed = propertyNames.stream()
                .filter(name -> name.startsWith("mp.messaging.") && name.endsWith(".connector"))
                .map(name -> name.substring(0, name.length() - ".connector".length()) + ".topic")
                .filter(topic -> !propertyNames.contains(topic))
                .map(topic -> topic + " missing");
        return Stream.concat(foreign, unnamed).sorted().toList();
    }
}
