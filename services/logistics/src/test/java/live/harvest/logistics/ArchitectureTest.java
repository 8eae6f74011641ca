package live.harvest.logistics;

import live.harvest.testkit.ArchitectureRules;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

/** The service keeps the shape of docs/service-skeleton.md; a break fails here naming the class. */
@UnitTest
class ArchitectureTest {

    @Test
    void givenTheServicesClasses_whenTheSkeletonRulesRun_thenNoneIsViolated() {
        ArchitectureRules.assertFollowsTheSkeleton("live.harvest.logistics");
    }
}
