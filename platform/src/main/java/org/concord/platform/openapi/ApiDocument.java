package org.concord.platform.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Completes a service's OpenAPI document with what every service states the same way: the info (the service's
 * title and description, the project's version, license and contact, the conventions every service shares), the
 * server, the bearer scheme, the problem schema, the shared responses and headers its operations refer to, and the
 * examples they name: an example referred to as {@code #/components/examples/<name>} is read from
 * {@code openapi/examples/<name>.json} on the classpath (an OpenAPI Example Object: {@code summary}, {@code value}).
 */
public class ApiDocument implements OpenApiCustomizer {

    static final String CONVENTIONS = """
            ## Conventions, the same in every Concord service
            - **Tokens.** Every operation needs a bearer JWT (scheme `bearer`); each says which role it needs.
            - **Errors** are RFC 9457 problem details (`application/problem+json`, schema `Problem`): 400 malformed, \
            401 no valid token, 403 not allowed, 404 nothing by that code or id, 409 the resource's state forbids it, \
            412 or 428 `If-Match` stale or missing, 413 body too large, 415 not JSON, 422 a well-formed request that \
            breaks a rule. Each operation lists those it can answer. Any request may also be answered 406 (its \
            `Accept` excludes JSON), 414 or 431 (URI or headers too large) or 500 (the failure was logged; the \
            answer says nothing more).
            - **Versions.** Every resource has a `version`, growing with every change; its `ETag` is `"<version>"`. \
            A change honours `If-Match` (412 when stale); the updates that must name the version they were made \
            against require it (428 without).
            - **Idempotency-Key.** The POSTs that create or sign take it: the same key with the same body gets the \
            first response again, with `Idempotent-Replayed: true`, and nothing is done twice; another body under \
            the same key is a 422. Keys are kept 24 hours.
            - **Lists** are paged: `page` (from 0) and `size` (1 to 100, default 20), answered as \
            `{items, page, size, total}`.
            - **Through the gateway** (one address for the three services) any operation may also be answered 429 \
            (the client's rate limit, with `Retry-After`) or 503 (the service is not answering, with \
            `Retry-After`); the documents the gateway serves list both.
            """;

    static final License LICENSE = new License().name("Apache License 2.0").identifier("Apache-2.0");
    static final Contact CONTACT = new Contact().name("Concord maintainers");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String service;
    private final String version;

    /**
     * @param service the service's name, the title when it declares none
     * @param version the project version
     */
    public ApiDocument(String service, String version) {
        this.service = service;
        this.version = version;
        // a JSON value in a request or response (Jackson 3's tree) is any JSON value, not a bean of that class
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new io.swagger.v3.oas.models.media.Schema<>());
    }

    /** The project version the build wrote into {@code concord/platform.properties}. */
    public static String projectVersion() {
        try (InputStream in = new ClassPathResource("concord/platform.properties").getInputStream()) {
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            return Objects.requireNonNull(properties.getProperty("version"), "no version in concord/platform.properties");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read concord/platform.properties", e);
        }
    }

    @Override
    public void customise(OpenAPI api) {
        api.setInfo(info(api.getInfo()));
        api.setServers(List.of(new Server().url("/")
                .description("this service, where it serves this document (the gateway serves it too, for its own address)")));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        components.addSecuritySchemes(ApiParts.BEARER, ApiParts.bearerScheme());
        components.addSchemas(ApiParts.PROBLEM, ApiParts.problemSchema());
        api.setPaths(sorted(api.getPaths()));
        forEachOperation(api, (path, operation) -> {
            if (operation.getResponses() == null) {
                return;
            }
            String instance = instance(path, operation);
            operation.getResponses().forEach((code, response) -> {
                if (response.get$ref() != null) {
                    addStandardResponse(components, response.get$ref(), instance);
                } else {
                    withInstance(response, instance);
                    addHeaders(components, response);
                }
                examples(response.getContent()).forEach(example -> addExample(components, example));
            });
            if (operation.getRequestBody() != null) {
                examples(operation.getRequestBody().getContent()).forEach(example -> addExample(components, example));
            }
        });
        components.setSchemas(new TreeMap<>(components.getSchemas()));
    }

    private Info info(Info declared) {
        Info info = declared == null ? new Info() : declared;
        if (info.getTitle() == null || info.getTitle().isBlank() || info.getTitle().equals("OpenAPI definition")) {
            info.setTitle(service);
        }
        String own = info.getDescription() == null ? "" : info.getDescription().strip() + "\n\n";
        return info.version(version).description(own + CONVENTIONS).license(LICENSE).contact(CONTACT);
    }

    /** The operation's path as a client would send it: each parameter in it replaced by its example. */
    private static String instance(String path, Operation operation) {
        String instance = path;
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if ("path".equals(parameter.getIn()) && parameter.getExample() != null) {
                    instance = instance.replace("{" + parameter.getName() + "}", parameter.getExample().toString());
                }
            }
        }
        return instance;
    }

    /** A shared response the operation refers to, with the first referring operation's path as its example's instance. */
    private static void addStandardResponse(Components components, String ref, String instance) {
        String name = ref.substring(ApiParts.RESPONSES.length());
        if (components.getResponses() != null && components.getResponses().containsKey(name)) {
            return;
        }
        ApiParts.StandardError error = ApiParts.STANDARD_ERRORS.values().stream()
                .filter(candidate -> candidate.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no standard response " + name));
        ApiResponse response = ApiParts.problemResponse(error.description(), error.status(), error.title(),
                error.exampleDetail(), instance);
        components.addResponses(name, response);
        addHeaders(components, response);
        components.setResponses(new TreeMap<>(components.getResponses()));
    }

    private static void withInstance(ApiResponse response, String instance) {
        if (response.getContent() == null || response.getContent().get(ApiParts.PROBLEM_JSON) == null) {
            return;
        }
        Object example = response.getContent().get(ApiParts.PROBLEM_JSON).getExample();
        if (example instanceof Map<?, ?> map && map.get("instance") == null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> problem = (Map<String, Object>) map;
            problem.put("instance", instance);
        }
    }

    private static void addHeaders(Components components, ApiResponse response) {
        if (response.getHeaders() == null) {
            return;
        }
        response.getHeaders().values().stream()
                .map(header -> header.get$ref())
                .filter(Objects::nonNull)
                .filter(ref -> ref.startsWith(ApiParts.HEADERS))
                .map(ref -> ref.substring(ApiParts.HEADERS.length()))
                .forEach(name -> components.addHeaders(name, Objects.requireNonNull(ApiParts.HEADER_DEFINITIONS.get(name),
                        () -> "no shared header " + name)));
        components.setHeaders(new TreeMap<>(components.getHeaders() == null ? Map.of() : components.getHeaders()));
    }

    private static List<Example> examples(Content content) {
        List<Example> examples = new ArrayList<>();
        if (content != null) {
            for (MediaType media : content.values()) {
                if (media.getExamples() != null) {
                    examples.addAll(media.getExamples().values());
                }
            }
        }
        return examples;
    }

    /** The example a reference names, read from {@code openapi/examples/<name>.json}. */
    private static void addExample(Components components, Example reference) {
        String ref = reference.get$ref();
        if (ref == null || !ref.startsWith(ApiParts.EXAMPLE)) {
            return;
        }
        String name = ref.substring(ApiParts.EXAMPLE.length());
        if (components.getExamples() != null && components.getExamples().containsKey(name)) {
            return;
        }
        String location = "openapi/examples/" + name + ".json";
        try (InputStream in = new ClassPathResource(location).getInputStream()) {
            Map<?, ?> file = JSON.readValue(in, Map.class);
            components.addExamples(name, new Example().summary((String) file.get("summary"))
                    .description((String) file.get("description")).value(file.get("value")));
        } catch (IOException e) {
            throw new UncheckedIOException("the example " + ref + " has no file " + location + " on the classpath", e);
        }
        components.setExamples(new TreeMap<>(components.getExamples()));
    }

    private static void forEachOperation(OpenAPI api, OperationVisitor visitor) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> visitor.visit(path, operation)));
    }

    @FunctionalInterface
    private interface OperationVisitor {
        void visit(String path, Operation operation);
    }

    private static Paths sorted(Paths paths) {
        if (paths == null) {
            return null;
        }
        Paths sorted = new Paths();
        new TreeMap<String, PathItem>(paths).forEach(sorted::addPathItem);
        sorted.setExtensions(paths.getExtensions());
        return sorted;
    }
}
