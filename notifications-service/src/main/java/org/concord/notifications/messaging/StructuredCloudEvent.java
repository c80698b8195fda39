package org.concord.notifications.messaging;

import org.concord.platform.cloudevents.CloudEvent;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A CloudEvent in structured JSON form (attributes and data in one document): the body of a webhook, so a
 * receiver gets the same event, with the same id, as a Kafka consumer does.
 */
final class StructuredCloudEvent {

    private StructuredCloudEvent() {
    }

    static String json(CloudEvent event, JsonMapper json) {
        ObjectNode node = json.createObjectNode();
        node.put("specversion", CloudEvent.SPEC_VERSION);
        node.put("id", event.id());
        node.put("source", event.source());
        node.put("type", event.type());
        if (event.subject() != null) {
            node.put("subject", event.subject());
        }
        if (event.time() != null) {
            node.put("time", event.time().toString());
        }
        node.put("datacontenttype", "application/json");
        if (event.traceparent() != null) {
            node.put("traceparent", event.traceparent());
        }
        node.set("data", json.readTree(event.data()));
        return json.writeValueAsString(node);
    }
}
