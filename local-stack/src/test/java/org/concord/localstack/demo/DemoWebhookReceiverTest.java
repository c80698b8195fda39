package org.concord.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoWebhookReceiverTest {

    /** The test vector of the Standard Webhooks specification. */
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String TIMESTAMP = "1614265330";
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void the_specification_s_signature_verifies() {
        assertThat(DemoWebhookReceiver.verify(SECRET, new DemoWebhookReceiver.Received(ID, TIMESTAMP, SIGNATURE, BODY))).isTrue();
    }

    @Test
    void one_valid_signature_among_several_verifies_as_during_a_secret_rotation() {
        String both = "v1,bm90IHRoaXMgb25l " + SIGNATURE;
        assertThat(DemoWebhookReceiver.verify(SECRET, new DemoWebhookReceiver.Received(ID, TIMESTAMP, both, BODY))).isTrue();
    }

    @Test
    void a_changed_body_or_a_missing_header_does_not_verify() {
        assertThat(DemoWebhookReceiver.verify(SECRET, new DemoWebhookReceiver.Received(ID, TIMESTAMP, SIGNATURE, BODY + " "))).isFalse();
        assertThat(DemoWebhookReceiver.verify(SECRET, new DemoWebhookReceiver.Received(ID, null, SIGNATURE, BODY))).isFalse();
    }
}
