package org.concord.notifications.security;

import static org.concord.testsupport.security.AccessMatrix.Rule.ADMIN;
import static org.concord.testsupport.security.AccessMatrix.Rule.READ;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.time.Duration;
import java.util.UUID;

import org.concord.notifications.NotificationsIntegrationTest;
import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.notifications.NotificationsApplication;
import org.concord.testsupport.security.AccessContract;
import org.concord.testsupport.security.AccessMatrix;
import org.concord.testsupport.security.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who may do what on notifications-service: admins manage subscriptions and re-send deliveries; any valid
 * token reads the inbox, the live feed and delivery logs.
 */
@ConcordIntegrationTest
class NotificationsAccessTest extends NotificationsIntegrationTest implements AccessContract {

    private static final String SUBSCRIPTION = "/api/subscriptions/" + UUID.randomUUID();

    static final AccessMatrix MATRIX = AccessMatrix.withPlatformEndpoints()
            .endpoint(GET, "/api/notifications?region=CN-GX", READ)
            // a region that is not a code: past security, a 400 at once instead of an endless stream
            .endpoint(GET, "/api/notifications/stream?region=cn-gx", READ)
            .endpoint(GET, "/api/subscriptions", READ)
            .endpoint(GET, SUBSCRIPTION, READ)
            .endpoint(GET, SUBSCRIPTION + "/deliveries", READ)
            .endpoint(POST, "/api/subscriptions", "{}", ADMIN)
            .endpoint(DELETE, SUBSCRIPTION, ADMIN)
            .endpoint(POST, SUBSCRIPTION + "/rotate-secret", ADMIN)
            .endpoint(POST, SUBSCRIPTION + "/enable", ADMIN)
            .endpoint(POST, SUBSCRIPTION + "/deliveries/" + UUID.randomUUID() + "/retry", ADMIN);

    @Override
    public String service() {
        return NotificationsApplication.NAME;
    }

    @Override
    public AccessMatrix matrix() {
        return MATRIX;
    }

    @Test
    void the_live_feed_takes_its_token_as_a_query_parameter_as_browsers_must_send_it() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();

        client.get().uri("/api/notifications/stream?access_token={token}", Tokens.viewer())
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody().take(0).blockLast(Duration.ofSeconds(5));
        client.get().uri("/api/notifications/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void other_endpoints_do_not_take_a_token_from_the_query() {
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/api/notifications?region=CN-GX&access_token={token}", Tokens.admin()).exchange()
                .expectStatus().isUnauthorized();
    }
}
