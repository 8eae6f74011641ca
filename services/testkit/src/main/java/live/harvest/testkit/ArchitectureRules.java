package live.harvest.testkit;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import live.harvest.platform.state.StatusMachine;

import java.util.List;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * docs/service-skeleton.md as executable rules. Every service runs {@link #assertFollowsTheSkeleton} in a plain
 * unit test (no Quarkus, no infrastructure), so a fifth service or a new package gets the same shape or a red
 * build naming the class that broke it.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** The service's production classes, e.g. {@code live.harvest.orders}, without its tests. */
    public static JavaClasses of(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
    }

    /** Checks every rule of the skeleton against the service's classes; fails listing each violation. */
    public static void assertFollowsTheSkeleton(String basePackage) {
        // One composite rule, so a red build lists every violation of every seam at once
        CompositeArchRule.of(rules(basePackage)).check(of(basePackage));
    }

    /** The rules, one per seam of the skeleton. */
    public static List<ArchRule> rules(String basePackage) {
        return List.of(
                featurePackagesFormNoCycles(basePackage),
                resourcesAreEntryPointsOnly(basePackage),
                configurationLivesInTheConfigPackage(basePackage),
                onlyAccessClassesReadTheCaller(),
                restClientInterfacesAreNamedApi(),
                statusEnumsAreStatusMachines(),
                httpRecordsLiveInDtos(),
                oneBlockingAnnotation());
    }

    /** Dependencies point down: no two feature packages import each other, directly or around a loop. */
    public static ArchRule featurePackagesFormNoCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles()
                .because("a feature package never imports one that imports it back (dependencies point down)")
                .allowEmptyShould(true);
    }

    /** Resources map HTTP to a service call; nothing calls a resource. */
    public static ArchRule resourcesAreEntryPointsOnly(String basePackage) {
        return noClasses().that().haveSimpleNameNotEndingWith("Resource")
                .should().dependOnClassesThat(resideInAPackage(basePackage + "..").and(simpleNameEndingWith("Resource")))
                .because("resources are the HTTP edge; shared logic belongs in a service")
                .allowEmptyShould(true);
    }

    /** One {@code @ConfigMapping} root per service, under {@code <service>.config}, prefix {@code harvest.<service>}. */
    public static ArchRule configurationLivesInTheConfigPackage(String basePackage) {
        return classes().that().areAnnotatedWith("io.smallrye.config.ConfigMapping")
                .should().resideInAPackage(basePackage + ".config")
                .because("configuration is read in one place per service, with defaults written once")
                .allowEmptyShould(true);
    }

    /** Who may act is decided by the feature's {@code *Access} bean, not by resources or services reading roles. */
    public static ArchRule onlyAccessClassesReadTheCaller() {
        return noClasses().that().haveSimpleNameNotEndingWith("Access")
                .should().dependOnClassesThat().haveFullyQualifiedName("live.harvest.platform.security.Caller")
                .because("access checks live in one *Access bean per feature (docs/service-skeleton.md)")
                .allowEmptyShould(true);
    }

    /** The MicroProfile REST client interface is {@code <Peer>Api}; the translating bean is {@code <Peer>Client}. */
    public static ArchRule restClientInterfacesAreNamedApi() {
        return classes().that().areAnnotatedWith("org.eclipse.microprofile.rest.client.inject.RegisterRestClient")
                .should().haveSimpleNameEndingWith("Api")
                .because("<Peer>Api is the wire, <Peer>Client translates and carries timeout, retry and breaker")
                .allowEmptyShould(true);
    }

    /** A status enum declares its moves as data ({@link StatusMachine}), never as ifs scattered in services. */
    public static ArchRule statusEnumsAreStatusMachines() {
        return classes().that().areEnums().and().haveSimpleNameEndingWith("Status")
                .should().implement(StatusMachine.class)
                .because("each state lists the states it may move to, tested without Quarkus")
                .allowEmptyShould(true);
    }

    /** Request and view records of a feature sit together in its {@code <Feature>Dtos} (or a client's {@code Api}). */
    public static ArchRule httpRecordsLiveInDtos() {
        return classes().that().areRecords()
                .and(simpleNameEndingWith("Request").or(simpleNameEndingWith("View")))
                .should(beNestedIn("Dtos", "Api"))
                .because("a feature's HTTP shapes are read in one file: inputs *Request, outputs *View")
                .allowEmptyShould(true);
    }

    /** SmallRye's {@code io.smallrye.common.annotation.Blocking} is the one {@code @Blocking} in use. */
    public static ArchRule oneBlockingAnnotation() {
        return noClasses().should().dependOnClassesThat()
                .haveFullyQualifiedName("io.smallrye.reactive.messaging.annotations.Blocking")
                .because("io.smallrye.common.annotation.Blocking serves REST and messaging alike")
                .allowEmptyShould(true);
    }

    private static ArchCondition<JavaClass> beNestedIn(String... enclosingSuffixes) {
        return new ArchCondition<>("be nested in a class named *" + String.join(" or *", enclosingSuffixes)) {
            @Override
            public void check(JavaClass record, ConditionEvents events) {
                boolean nested = record.getEnclosingClass()
                        .map(outer -> List.of(enclosingSuffixes).stream().anyMatch(outer.getSimpleName()::endsWith))
                        .orElse(false);
                if (!nested) {
                    events.add(SimpleConditionEvent.violated(record,
                            record.getName() + " is not nested in a *Dtos or *Api class"));
                }
            }
        };
    }
}
