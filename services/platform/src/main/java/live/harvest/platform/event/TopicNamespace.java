package live.harvest.platform.event;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/**
 * Where this deployment's topics live on the broker (ADR 0017): {@code harvest.kafka.topic-prefix} in front of every
 * name from {@link Topics}. Empty for the stack and production, {@code test.} in the %test profile, {@code e2e.} for
 * the packaged services the end-to-end tests start, so none of them reads or writes another's records. Event
 * contracts, outbox rows, docs and admin requests use the plain names; only what talks to the broker adds the prefix.
 */
@ConfigMapping(prefix = "harvest.kafka")
public interface TopicNamespace {

    String PREFIX_PROPERTY = "harvest.kafka.topic-prefix";

    /** Put in front of every topic name; absent (no prefix) for the stack and production. */
    Optional<String> topicPrefix();

    /** The name on the broker of a topic from {@link Topics}, in this deployment's namespace. */
    default String onBroker(String topic) {
        return topicPrefix().orElse("") + topic;
    }
}
