package live.harvest.testkit;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a plain JUnit test of a pure rule: no Quarkus, no CDI, no database, broker, Redis or identity provider, so it
 * runs in milliseconds anywhere. {@code ./mvnw -B test -Punit} runs exactly these (the fast floor); {@code ./mvnw -B
 * verify} runs them with everything else. A class marked so must not be a {@code @QuarkusTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(UnitTest.TAG)
public @interface UnitTest {

    /** The JUnit tag the {@code unit} Maven profile selects. */
    String TAG = "unit";
}
