package org.concord.agreements;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * The whole agreements-service on a random port, with a WebTestClient against it. Combine with
 * {@code @ConcordIntegrationTest(database = ...)}; every test class with the same pair shares one context (one
 * broker, one database, one set of topics), so scenarios tell their agreements apart by id. The schedule of due
 * actions does not run by itself: a scenario runs it for the day it needs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(classes = AgreementsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.name=" + AgreementsApplication.NAME,
                // the scenarios let time pass themselves (AgreementSchedule.runDueOn): no check of their own meanwhile
                "concord.agreements.schedule.initial-delay=P1D" })
@AutoConfigureWebTestClient(timeout = "PT30S")
public @interface AgreementsServiceTest {
}
