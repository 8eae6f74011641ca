package live.harvest.platform.event;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The contract of an event record: its stable type name, schema version and the topic it is published on. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** Stable, dotted name, e.g. {@code orders.order-paid}. Never reused for a different shape. */
    String value();

    /** Schema version; bump on an incompatible change and keep consumers reading the old one until drained. */
    int version() default 1;

    /** Topic constant from {@link Topics}. */
    String topic();
}
