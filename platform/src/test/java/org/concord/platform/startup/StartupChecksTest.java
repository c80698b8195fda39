package org.concord.platform.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.concord.platform.ConcordApplication;
import org.concord.platform.PlatformTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Misconfiguration stops a service with one clear statement of what is wrong, not a wall of stack traces. */
@ExtendWith(OutputCaptureExtension.class)
class StartupChecksTest {

    @Test
    void an_unreachable_broker_stops_the_service_with_one_clear_line(CapturedOutput output) {
        assertThatThrownBy(() -> start("--spring.kafka.bootstrap-servers=localhost:1", "--concord.startup.kafka-timeout=2s"))
                .satisfies(failure -> assertThat(rootCause(failure)).isInstanceOf(StartupCheckFailed.class));

        assertThat(output.getOut() + output.getErr())
                .contains("Kafka broker unreachable at localhost:1 (no answer within 2 s)")
                .contains("CONCORD_KAFKA_BOOTSTRAP_SERVERS")
                .doesNotContain("\tat org.apache.kafka");
    }

    @Test
    void a_missing_token_verification_key_stops_the_service_saying_how_to_configure_one(CapturedOutput output) {
        assertThatThrownBy(() -> ConcordApplication.run(PlatformTestApplication.class, PlatformTestApplication.NAME,
                "--server.port=0", "--concord.security.enabled=true", "--concord.security.public-key=").close())
                .satisfies(failure -> assertThat(rootCause(failure)).isInstanceOf(StartupCheckFailed.class));

        assertThat(output.getOut() + output.getErr())
                .contains("no token verification key configured")
                .contains("CONCORD_SECURITY_JWK_SET_URI");
    }

    @Test
    void an_unwritable_database_directory_stops_the_service_naming_the_directory(CapturedOutput output) {
        assertThatThrownBy(() -> start("--spring.flyway.url=jdbc:h2:file:/proc/concord/db",
                "--spring.r2dbc.url=r2dbc:h2:file:////proc/concord/db"))
                .satisfies(failure -> assertThat(rootCause(failure)).isInstanceOf(StartupCheckFailed.class));

        assertThat(output.getOut() + output.getErr())
                .contains("database directory /proc/concord is not writable")
                .doesNotContain("\tat org.h2");
    }

    @Test
    void an_h2_file_database_that_keeps_commits_in_memory_stops_the_service(CapturedOutput output,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path data) {
        assertThatThrownBy(() -> start("--spring.flyway.url=jdbc:h2:file:" + data + "/db",
                "--spring.r2dbc.url=r2dbc:h2:file:///" + data + "/db"))
                .satisfies(failure -> assertThat(rootCause(failure)).isInstanceOf(StartupCheckFailed.class));

        assertThat(output.getOut() + output.getErr())
                .contains("is an H2 file database without ;WRITE_DELAY=0")
                .contains("Add ;WRITE_DELAY=0 to CONCORD_DB_R2DBC_URL and CONCORD_DB_JDBC_URL");
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    private static void start(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--server.port=0";
        all[1] = "--concord.security.enabled=false"; // these checks are not about tokens
        System.arraycopy(args, 0, all, 2, args.length);
        ConcordApplication.run(PlatformTestApplication.class, PlatformTestApplication.NAME, all).close();
    }
}
