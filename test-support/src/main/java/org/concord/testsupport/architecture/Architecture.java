package org.concord.testsupport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape every Concord module keeps, as rules a build checks: no package depends, directly or through others,
 * on itself (every package is a node); a feature's {@code domain} packages use nothing but Java, other domain
 * packages, the platform's and the evidence format ({@code org.concord.evidence}: plain Java, no framework, the
 * bytes a content hash or a signature is computed over); use cases ({@code application}) and persistence know nothing of the web, the
 * messaging adapters or the REST controllers; no service uses another service's classes.
 */
public final class Architecture {

    /** The services, by base package: none may use another's classes. */
    public static final List<String> SERVICES = List.of("org.concord.regions", "org.concord.agreements",
            "org.concord.notifications");

    private Architecture() {
    }

    /** The main classes under {@code basePackage} (tests left out). */
    public static JavaClasses mainClassesOf(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** Every package of {@code basePackage} is a node, and the graph of their dependencies has no cycle. */
    public static ArchRule noPackageCycles(String basePackage) {
        return slices().matching(basePackage + ".(**)").should().beFreeOfCycles()
                .as("packages of " + basePackage + " are free of cycles");
    }

    public static ArchRule domainUsesNoFramework() {
        return classes().that().resideInAPackage("..domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..domain..", "org.concord.evidence..")
                .allowEmptyShould(true)
                .as("domain packages depend on Java, domain packages and the evidence format only: no Spring, SQL,"
                        + " HTTP, JSON mapper or Reactor");
    }

    public static ArchRule useCasesAndPersistenceKnowNoAdapters() {
        return noClasses().that().resideInAnyPackage("..application..", "..persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("..messaging..", "..web..")
                .orShould().dependOnClassesThat().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .allowEmptyShould(true)
                .as("use cases and persistence know nothing of messaging, the web or controllers");
    }


    /** No class of {@code service} uses a class of another service. */
    public static ArchRule noOtherService(String service) {
        String[] others = SERVICES.stream().filter(other -> !other.equals(service)).map(other -> other + "..")
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage(service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .as(service + " uses no other service's classes");
    }

    /** Checks every rule on the main classes of one service. */
    public static void checkService(String service) {
        JavaClasses classes = mainClassesOf(service);
        noPackageCycles(service).check(classes);
        domainUsesNoFramework().check(classes);
        useCasesAndPersistenceKnowNoAdapters().check(classes);
        noOtherService(service).check(classes);
    }
}
