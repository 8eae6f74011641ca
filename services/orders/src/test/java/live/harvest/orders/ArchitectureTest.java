package live.harvest.orders;

import live.harvest.testkit.ArchitectureRules;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

/** Orders keeps the shape of docs/service-skeleton.md; a break names the class that made it. */
@UnitTest
class ArchitectureTest {

    @Test
    void givenTheServicesClasses_whenTheSkeletonRulesRun_thenNoneIsViolated() {
        ArchitectureRules.assertFollowsTheSkeleton("live.harvest.orders");
    }
}
