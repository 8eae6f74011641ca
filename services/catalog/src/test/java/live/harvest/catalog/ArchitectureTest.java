package live.harvest.catalog;
import live.harvest.testkit.ArchitectureRules;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;
/** Catalog keeps the shape of docs/service-skeleton.md: packages point down, one way per seam. */
@UnitTest
class ArchitectureTest {
    @Test
    void givenTheServicesClasses_whenTheSkeletonRulesRun_thenNoneIsViolated() {
        ArchitectureRules.assertFollowsTheSkeleton("live.harvest.catalog");
    }
}
