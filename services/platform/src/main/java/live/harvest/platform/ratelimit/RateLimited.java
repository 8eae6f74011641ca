package live.harvest.platform.ratelimit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a resource method (or every method of a resource) in a route class whose per-caller limit is
 * {@code harvest.rate-limit.policies.<class>.*} (ADR 0020). Requests by partners to unmarked methods count against
 * the {@code partner} class; other unmarked methods and the health endpoints are never limited.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RateLimited {

    /** The route class: {@code buy}, {@code likes}, {@code search}, {@code trace}, {@code callbacks}, {@code feed}. */
    String value();
}
