package org.concord.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSinkTest {

    @Test
    void a_signature_recorded_webhook_is_keyed_by_its_agreement_and_party() {
        String body = """
                {"specversion":"1.0","id":"e1","type":"concord.agreement.signature-recorded",
                 "data":{"agreement":{"id":"4975ee2a"},"signature":{"party":"CN-SC"}}}""";

        assertThat(WebhookSink.signatureKey(body)).isEqualTo("4975ee2a/CN-SC");
    }

    @Test
    void other_events_are_not_signatures() {
        String body = """
                {"specversion":"1.0","id":"e2","type":"concord.agreement.opened","data":{"agreement":{"id":"4975ee2a"}}}""";

        assertThat(WebhookSink.signatureKey(body)).isNull();
    }
}
