package org.concord.endtoend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** The operations of a service's OpenAPI document as a client can call them: method, path, parameters, body. */
record ApiOperations(String service, List<Operation> operations) {

    /** A parameter: where it goes ({@code path}, {@code query}, {@code header}) and its schema type. */
    record Parameter(String name, String in, String type) {
    }

    /** One operation; {@code bodyProperties} (name → schema type) is null when it takes no JSON body. */
    record Operation(String service, String method, String path, List<Parameter> parameters,
            Map<String, String> bodyProperties) {

        @Override
        public String toString() {
            return service + " " + method + " " + path;
        }
    }

    /** Reads the document a running service serves at {@code /v3/api-docs}. */
    static ApiOperations of(String service, JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            JsonNode operation = method.getValue();
            List<Parameter> parameters = new ArrayList<>();
            operation.path("parameters").values().forEach(parameter -> parameters.add(new Parameter(
                    parameter.path("name").asString(), parameter.path("in").asString(),
                    type(document, parameter.path("schema")))));
            JsonNode body = operation.path("requestBody").path("content");
            Map<String, String> properties = null;
            if (!body.isMissingNode()) {
                properties = new LinkedHashMap<>();
                JsonNode schema = resolve(document, body.properties().iterator().next().getValue().path("schema"));
                for (var property : schema.path("properties").properties()) {
                    properties.put(property.getKey(), type(document, property.getValue()));
                }
            }
            operations.add(new Operation(service, method.getKey().toUpperCase(), path.getKey(), parameters, properties));
        }));
        return new ApiOperations(service, operations);
    }

    /** The schema's JSON type; of a nullable one (OpenAPI 3.1: {@code [string, "null"]}, or anyOf a reference and null), the other. */
    private static String type(JsonNode document, JsonNode schema) {
        JsonNode resolved = resolve(document, schema);
        if (resolved.has("anyOf")) {
            return resolved.path("anyOf").valueStream().filter(option -> !option.path("type").asString("").equals("null"))
                    .findFirst().map(option -> type(document, option)).orElse("object");
        }
        JsonNode type = resolved.path("type");
        if (type.isArray()) {
            return type.valueStream().map(JsonNode::asString).filter(name -> !name.equals("null")).findFirst().orElse("object");
        }
        return type.asString("object");
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/components/schemas/")) {
            return document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }
}
