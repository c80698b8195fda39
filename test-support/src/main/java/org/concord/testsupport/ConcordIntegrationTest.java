package org.concord.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.concord.testsupport.db.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a {@code @SpringBootTest} of a Concord service its real infrastructure: the shared Kafka broker, a fresh
 * database of the chosen kind, and topic names and a consumer group of its own, so that contexts never see each
 * other's records. A test for a database that is not available here is skipped with the reason.
 *
 * <p>Typical use: scenarios in an abstract class, and one subclass per database,
 * {@code @ConcordIntegrationTest(database = POSTGRESQL) class SigningOnPostgreSqlTest extends SigningScenarios}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DatabaseAvailableCondition.class)
public @interface ConcordIntegrationTest {

    TestDatabase database() default TestDatabase.H2;

    /** Extra topics to create (beside the three of docs/events.md), e.g. dead-letter topics a test reads. */
    String[] extraTopics() default {};
}
