package org.concord.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.concord.notifications.subscription.domain.Subscription;

import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.contract.ServesCommittedOpenApi;
import org.concord.testsupport.http.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** notifications-service serves the committed OpenAPI document (see {@link ServesCommittedOpenApi}). */
@ConcordIntegrationTest
class OpenApiDocumentTest extends NotificationsIntegrationTest implements ServesCommittedOpenApi {

    @Override
    public String service() {
        return NotificationsApplication.NAME;
    }

    /** The event types are listed in the controllers' annotations: they must be the ones subscriptions take. */
    @Test
    void documents_the_event_types_subscriptions_and_filters_take() {
        JsonNode document = new Http(URI.create("http://localhost:" + port)).get("/v3/api-docs", null).body();
        JsonNode paths = document.path("paths");

        assertThat(values(document.path("components").path("schemas").path("CreateSubscriptionRequest")
                .path("properties").path("eventTypes").path("items").path("enum")))
                .containsExactlyInAnyOrderElementsOf(concat(Subscription.EVENT_TYPES, Subscription.ALL_AGREEMENT_EVENTS));
        for (String path : List.of("/api/notifications", "/api/notifications/stream")) {
            JsonNode type = paths.path(path).path("get").path("parameters").valueStream()
                    .filter(parameter -> parameter.path("name").asString().equals("type")).findFirst().orElseThrow();
            assertThat(values(type.path("schema").path("enum"))).as(path).containsExactlyInAnyOrderElementsOf(Subscription.EVENT_TYPES);
        }
    }

    private static List<String> values(JsonNode array) {
        return array.valueStream().filter(value -> !value.isNull()).map(JsonNode::asString).toList();
    }

    private static List<String> concat(List<String> list, String more) {
        List<String> all = new ArrayList<>(list);
        all.add(more);
        return all;
    }
}
