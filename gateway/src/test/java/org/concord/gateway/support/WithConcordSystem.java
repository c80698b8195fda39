package org.concord.gateway.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.concord.testsupport.db.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test class gets a running {@link TestSystem} on this database as a parameter (of its {@code @BeforeAll} or of
 * a test), shared with the other classes of the run, or is skipped with the reason the database is not there.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RunningSystems.class)
public @interface WithConcordSystem {

    TestDatabase value() default TestDatabase.H2;
}
