package org.concord.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void a_valid_bundle_prints_what_holds_and_exits_0() throws IOException {
        Path file = write("bundle.json", NanningEvidence.bundle().write());

        int status = run("verify", file.toString());

        assertThat(status).isZero();
        assertThat(out()).contains("  ok    signature CN-NX #15", "  ok    checkpoint", "  note  service key")
                .contains("VERIFIED: 21 checks hold");
        assertThat(err()).isEmpty();
    }

    @Test
    void a_tampered_bundle_prints_what_fails_and_exits_1() throws IOException {
        String tampered = NanningEvidence.bundle().write().replace("Exchange e-commerce expertise",
                "Exchange e-commerce expertise and data");
        Path file = write("bundle.json", tampered);

        int status = run("verify", file.toString());

        assertThat(status).isEqualTo(1);
        assertThat(out()).contains("  FAIL  content hash").endsWith("NOT VERIFIED: 15 checks fail\n");
    }

    @Test
    void strict_fails_on_a_bearer_token_signature_and_on_a_service_key_no_one_vouched_for() throws IOException {
        EvidenceBundle bundle = NanningEvidence.signing().withBearerTokenOnly("CN-XZ").build();
        Path file = write("bundle.json", bundle.write());
        Path published = write("service-keys.json", Json.write(JwkSet.of(NanningEvidence.SERVICE_KEY.publicJwk()).toJson()));

        assertThat(run("verify", "--strict", file.toString())).isEqualTo(1);
        assertThat(out()).contains("  FAIL  signature CN-XZ #", "  FAIL  service key");

        out.reset();
        assertThat(run("verify", "--service-keys", published.toString(), file.toString())).isZero();
        assertThat(out()).contains("  ok    service key", "is one of the published keys", "  note  signature CN-XZ");
    }

    @Test
    void a_known_head_is_checked() throws IOException {
        EvidenceBundle bundle = NanningEvidence.bundle();
        Path file = write("bundle.json", bundle.write());
        String third = (String) bundle.history().get(2).get("hash");

        assertThat(run("verify", "--known-head", "3:" + third, file.toString())).isZero();
        assertThat(out()).contains("  ok    known head 3");
        assertThat(run("verify", "--known-head", "4:" + third, file.toString())).isEqualTo(1);
    }

    @Test
    void wrong_use_exits_2_with_the_reason_and_the_usage() throws IOException {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).startsWith("Usage: verify");

        err.reset();
        assertThat(run("verify")).isEqualTo(2);
        assertThat(err()).startsWith("verify: name the bundle file to verify\nUsage:");

        err.reset();
        assertThat(run("verify", dir.resolve("absent.json").toString())).isEqualTo(2);
        assertThat(err()).startsWith("verify: no such file: ");

        err.reset();
        assertThat(run("verify", "--known-head", "3:abc", "x.json")).isEqualTo(2);
        assertThat(err()).startsWith("verify: --known-head takes <length>:<64 lower-case hex digits>");

        err.reset();
        Path notKeys = write("keys.json", "{\"keys\": [{\"kty\": \"RSA\", \"kid\": \"k\"}]}");
        assertThat(run("verify", "--service-keys", notKeys.toString(), "x.json")).isEqualTo(2);
        assertThat(err()).startsWith("verify: the JWK 'k' is a RSA key");
    }

    @Test
    void a_file_that_is_not_a_bundle_is_a_failed_verification_not_a_crash() throws IOException {
        Path file = write("bundle.json", "{\"hello\": ");

        assertThat(run("verify", file.toString())).isEqualTo(1);
        assertThat(out()).contains("  FAIL  bundle  not valid JSON: unexpected end of the JSON text at line 1");
    }

    @Test
    void the_main_method_exits_with_the_status_of_the_verification() throws Exception {
        Path valid = write("valid.json", NanningEvidence.bundle().write());
        Path tampered = write("tampered.json", NanningEvidence.bundle().write().replace("\"seq\": 2", "\"seq\": 3"));

        assertThat(runJava("verify", valid.toString())).isZero();
        assertThat(runJava("verify", tampered.toString())).isEqualTo(1);
        assertThat(runJava()).isEqualTo(2);
    }

    private int run(String... args) {
        return VerifyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Runs VerifyCommand in a JVM of its own, on this module's classes only: no dependency is needed. */
    private int runJava(String... args) throws Exception {
        var command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", Path.of(VerifyCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                VerifyCommand.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("java-" + System.nanoTime() + ".log").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
