package org.concord.gateway.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's OpenAPI document as the gateway serves it: its {@code servers} say "this origin", so Swagger UI sends
 * "Try it out" requests through the gateway (same origin, rate limited) rather than to the service's own port; and
 * every operation lists the two answers the gateway gives in the service's stead, 429 (the client's rate limit) and
 * 503 (the service is not answering), both with {@code Retry-After}. They are problem details like the service's own
 * errors (its schema {@code Problem}, which every Concord service's document has).
 */
final class OpenApiDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private OpenApiDocuments() {
    }

    /** The document as the gateway serves it; anything that is not a document, unchanged. */
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
            addGatewayAnswers(openApi);
            return JSON.writeValueAsString(openApi);
        } catch (JacksonException notJson) {
            return document;
        }
    }

    private static void addGatewayAnswers(ObjectNode openApi) {
        ObjectNode components = openApi.has("components") && openApi.get("components").isObject()
                ? (ObjectNode) openApi.get("components") : openApi.putObject("components");
        ObjectNode headers = object(components, "headers");
        headers.set("Retry-After", JSON.valueToTree(Map.of(
                "description", "Seconds to wait before trying again.",
                "schema", Map.of("type", "integer", "format", "int32", "minimum", 0, "example", 1))));
        ObjectNode responses = object(components, "responses");
        responses.set("TooManyRequests", problemResponse(429, "Too Many Requests",
                "From the gateway: this client (the subject of its token, else its address) has sent more requests "
                        + "than its rate limit allows; `Retry-After` says when to try again. The request did not reach "
                        + "the service.",
                "this client has sent more requests than its rate limit allows; try again in 1 s"));
        responses.set("ServiceUnavailable", problemResponse(503, "Service Unavailable",
                "From the gateway: the service is not answering (stopped, restarting); nothing was changed, try again "
                        + "after `Retry-After`.",
                "agreements-service is not answering; try again shortly"));
        openApi.path("paths").forEach(path -> METHODS.forEach(method -> {
            if (path.path(method).path("responses") instanceof ObjectNode operationResponses) {
                operationResponses.set("429", JSON.valueToTree(Map.of("$ref", "#/components/responses/TooManyRequests")));
                operationResponses.set("503", JSON.valueToTree(Map.of("$ref", "#/components/responses/ServiceUnavailable")));
                sortByStatus(operationResponses);
            }
        }));
    }

    private static JsonNode problemResponse(int status, String title, String description, String detail) {
        return JSON.valueToTree(Map.of(
                "description", description,
                "headers", Map.of("Retry-After", Map.of("$ref", "#/components/headers/Retry-After")),
                "content", Map.of("application/problem+json", Map.of(
                        "schema", Map.of("$ref", PROBLEM),
                        "example", Map.of("type", "about:blank", "title", title, "status", status, "detail", detail,
                                "instance", "/api/agreements")))));
    }

    private static ObjectNode object(ObjectNode parent, String name) {
        return parent.has(name) && parent.get(name).isObject() ? (ObjectNode) parent.get(name) : parent.putObject(name);
    }

    private static void sortByStatus(ObjectNode responses) {
        List<String> codes = new ArrayList<>(responses.propertyNames());
        codes.sort(String::compareTo);
        ObjectNode sorted = JSON.createObjectNode();
        codes.forEach(code -> sorted.set(code, responses.get(code)));
        responses.removeAll();
        responses.setAll(sorted);
    }
}
