package org.concord.gateway.routing;

import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's OpenAPI document as the gateway serves it: its {@code servers} say "this origin", so Swagger UI sends
 * "Try it out" requests through the gateway (same origin, rate limited) rather than to the service's own port.
 */
final class OpenApiDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenApiDocuments() {
    }

    /** The document with its servers replaced by the gateway's origin; anything that is not a document, unchanged. */
    static String servedByGateway(String document) {
        if (document == null) {
            return null;
        }
        try {
            JsonNode parsed = JSON.readTree(document);
            if (!(parsed instanceof ObjectNode openApi) || !openApi.has("openapi")) {
                return document;
            }
            openApi.set("servers", JSON.valueToTree(List.of(Map.of("url", "/", "description", "through the gateway"))));
            return JSON.writeValueAsString(openApi);
        } catch (JacksonException notJson) {
            return document;
        }
    }
}
