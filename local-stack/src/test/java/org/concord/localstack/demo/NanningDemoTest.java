package org.concord.localstack.demo;

import org.concord.testsupport.seed.SeedMou;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class NanningDemoTest {

    @Test
    void without_a_running_stack_the_demo_says_how_to_start_it() throws IOException {
        int nobody = freePort();
        URI nowhere = URI.create("http://localhost:" + nobody);
        var settings = new NanningDemo.Settings(nowhere, nowhere, nowhere, "localhost:" + nobody, "agreements.v1",
                Duration.ofSeconds(1));
        var output = new ByteArrayOutputStream();
        var demo = new NanningDemo(settings, java.nio.file.Path.of("target", "demo-data"), (role, region) -> "token",
                new Narrator(new PrintStream(output, true,
                StandardCharsets.UTF_8), false), Clock.systemUTC());

        assertThatThrownBy(demo::play).isInstanceOf(DemoException.class)
                .hasMessageStartingWith("regions-service is not answering on http://localhost:" + nobody)
                .hasMessageContaining("start it with ./concord up");
    }

    @Test
    void arguments_are_refused_with_a_pointer_to_the_help() {
        var settings = NanningDemo.Settings.at(URI.create("http://localhost:1"), URI.create("http://localhost:1"),
                URI.create("http://localhost:1"), "localhost:1");
        assertThatThrownBy(() -> NanningDemo.run(List.of("--fast"), settings, java.nio.file.Path.of("target"),
                (role, region) -> "token"))
                .isInstanceOf(DemoException.class).hasMessageContaining("takes no arguments");
    }

    @Test
    void a_signature_is_told_with_the_region_and_the_count() {
        assertThat(NanningDemo.signedLine("Yunnan", 5, 12)).isEqualTo("Yunnan signed (5 of 12)");
    }

    @Test
    void an_event_on_the_topic_is_shown_with_its_place_type_and_signer() {
        var event = new AgreementsTopic.Event(2, 57, "7f3a", "concord.agreement.signature-recorded",
                Json.parse("{\"signature\":{\"party\":\"CN-YN\"},\"signatureCount\":5,\"partyCount\":12}"));
        var signed = new AgreementsTopic.Event(2, 65, "7f3a", "concord.agreement.signed", Json.parse("{\"partyCount\":12}"));

        assertThat(NanningDemo.describe(event))
                .isEqualTo("partition 2 offset 57      concord.agreement.signature-recorded  CN-YN (5 of 12)");
        assertThat(NanningDemo.describe(signed)).isEqualTo("partition 2 offset 65      concord.agreement.signed");
    }

    @Test
    void the_draft_is_the_mou_of_the_article() {
        Map<String, Object> draft = SeedMou.draft("MoU (demo run 2024-09-24 02:00:00 UTC)");

        assertThat(Json.list(draft, "parties")).containsExactly("CN-GX", "CN-SC", "CN-SN", "CN-YN", "CN-GZ", "CN-XZ",
                "CN-CQ", "CN-NM", "CN-GS", "CN-QH", "CN-XJ", "CN-NX");
        assertThat(draft).containsEntry("convener", "CN-GX").containsEntry("counterpart", "ASEAN")
                .containsEntry("kind", "MOU");
        assertThat(Json.list(draft, "areas")).containsExactly("E_COMMERCE", "CROSS_BORDER_E_COMMERCE");
        assertThat(Json.list(draft, "commitments")).hasSize(5);
        assertThat(Json.string(draft, "signingEvent", "name"))
                .isEqualTo("2024 China-ASEAN Silk Road (Cross-border) E-commerce Open Cooperation Promotion Event");
        assertThat(Json.string(draft, "signingEvent", "venue")).isEqualTo("Nanning");
        assertThat(Json.string(draft, "signingEvent", "date")).isEqualTo("2024-09-24");
        assertThat(SeedMou.shortName("CN-NM")).isEqualTo("Inner Mongolia");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
