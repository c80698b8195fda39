package org.concord.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The architecture rules fail on what they forbid, and pass on what they allow. */
class ArchitectureTest {

    private static final String FIXTURE = "org.concord.testsupport.architecture.fixture";

    @Test
    void a_deliberate_package_cycle_fails_the_cycle_rule_naming_both_packages() {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURE + ".cycle");

        assertThatThrownBy(() -> Architecture.noPackageCycles(FIXTURE + ".cycle").check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("cycle.a").hasMessageContaining("cycle.b");
    }

    @Test
    void packages_that_depend_one_way_pass_the_cycle_rule() {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURE + ".layered");

        assertThatCode(() -> Architecture.noPackageCycles(FIXTURE + ".layered").check(classes)).doesNotThrowAnyException();
    }

    @Test
    void a_domain_class_that_uses_spring_fails_the_domain_rule() {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURE + ".framework");

        assertThatThrownBy(() -> Architecture.domainUsesNoFramework().check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.springframework.util.Assert");
    }

    @Test
    void a_domain_of_plain_java_passes_the_domain_rule() {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURE + ".layered");

        assertThatCode(() -> Architecture.domainUsesNoFramework().check(classes)).doesNotThrowAnyException();
    }
}
