package live.harvest.livestream;

import live.harvest.testkit.ArchitectureRules;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

/** livestream keeps the shape of docs/service-skeleton.md; a red run names every class that breaks it. */
@UnitTest
class ArchitectureTest {

    @Test
    void givenTheServicesClasses_whenTheSkeletonRulesRun_thenNoneIsViolated() {
        ArchitectureRules.assertFollowsTheSkeleton("live.harvest.livestream");
    }
}
