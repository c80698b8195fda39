package org.concord.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Durability, proved on real processes: a local stack on free ports (its own Kafka process, the three services on H2
 * files), signatures at 20 per second, and agreements-service killed with SIGKILL three times, each time once the
 * launcher has brought it back. Every signature answered 200 must be in the final state once, with its event
 * published once and its effects (inbox, portfolio, webhook) once; the other services answer throughout.
 */
class AgreementsServiceKillTest {

    @Test
    void no_signature_answered_200_is_lost_when_agreements_service_is_killed_under_load() throws Exception {
        Path home = Path.of(System.getProperty("concord.home", "..")).toAbsolutePath().normalize();
        for (String jar : List.of(Stack.LAUNCHER_JAR, "agreements-service/target/agreements-service-exec.jar",
                "regions-service/target/regions-service-exec.jar", "notifications-service/target/notifications-service-exec.jar",
                "gateway/target/gateway-exec.jar")) {
            assumeTrue(Files.isRegularFile(home.resolve(jar)), jar + " is not built (run the module's tests in the reactor: "
                    + "./mvnw -pl fault-injection -am verify)");
        }
        Scenario scenario = new Scenario("kill-agreements-3x", "kill -9 agreements-service three times", 1, 1, false, false,
                Faults.others("agreements-service"), Faults.kill("agreements-service", 3));

        ScenarioRun.Result result = FaultSuite.run(scenario, home, home.resolve("fault-injection/target/fault-tests/kill-agreements-3x"));

        Verdict verdict = result.verdict();
        assertThat(verdict.lost()).as("acknowledged signatures or their effects lost").isEmpty();
        assertThat(verdict.doubled()).as("changes or effects doubled").isEmpty();
        assertThat(verdict.phantoms()).as("events or effects without a committed change").isEmpty();
        assertThat(verdict.acknowledged()).as("signatures answered 200").isGreaterThan(300);
        assertThat(result.recoveries()).hasSize(3).allSatisfy(recovery -> {
            assertThat(recovery.back()).as("back by itself").isNotNull().isLessThan(Duration.ofSeconds(90));
            assertThat(recovery.caughtUp()).as("caught up").isNotNull();
        });
        assertThat(result.othersAlwaysAnswered()).as("regions-service and notifications-service answered throughout: "
                + result.availability()).isTrue();
    }
}
