package live.harvest.testkit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The skeleton's rules pass a package that follows them and catch each seam a tangled package breaks. */
@UnitTest
class ArchitectureRulesTest {

    private static final String SAMPLES = "live.harvest.testkit.archsample.";

    @Test
    void givenAPackageThatFollowsTheSkeleton_whenEveryRuleRuns_thenNoneIsViolated() {
        String base = SAMPLES + "tidy";
        JavaClasses tidy = new ClassFileImporter().importPackages(base);
        for (ArchRule rule : ArchitectureRules.rules(base)) {
            EvaluationResult result = rule.evaluate(tidy);
            assertFalse(result.hasViolation(), result.getFailureReport().toString());
        }
    }

    @Test
    void givenATangledPackage_whenEveryRuleRuns_thenEachRuleNamesItsViolation() {
        String base = SAMPLES + "tangled";
        JavaClasses tangled = new ClassFileImporter().importPackages(base);
        List<ArchRule> rules = ArchitectureRules.rules(base);
        for (ArchRule rule : rules) {
            if (rule.getDescription().contains("@RestClient") || rule.getDescription().contains("RegisterRestClient")) {
                continue; // the tangled sample has no REST client; that rule is proven below
            }
            assertTrue(rule.evaluate(tangled).hasViolation(), "not caught: " + rule.getDescription());
        }
    }

    @Test
    void givenARestClientInterfaceNotNamedApi_whenTheRuleRuns_thenItIsViolated() {
        JavaClasses client = new ClassFileImporter().importClasses(CatalogClient.class);
        assertTrue(ArchitectureRules.restClientInterfacesAreNamedApi().evaluate(client).hasViolation());
    }

    @org.eclipse.microprofile.rest.client.inject.RegisterRestClient(configKey = "catalog")
    interface CatalogClient {
    }
}
