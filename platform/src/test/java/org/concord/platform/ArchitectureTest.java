package org.concord.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.concord.testsupport.architecture.Architecture;
import org.junit.jupiter.api.Test;

/** The platform has no package cycles and its domain package uses nothing but Java. */
class ArchitectureTest {

    private final JavaClasses classes = Architecture.mainClassesOf("org.concord.platform");

    @Test
    void platform_packages_are_free_of_cycles() {
        Architecture.noPackageCycles("org.concord.platform").check(classes);
    }

    @Test
    void the_platform_domain_uses_no_framework() {
        Architecture.domainUsesNoFramework().check(classes);
    }
}
