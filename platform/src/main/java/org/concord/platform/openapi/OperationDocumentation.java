package org.concord.platform.openapi;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.concord.platform.web.IdempotentRequests;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Completes every operation of a service's OpenAPI document the same way, from what the operation already says:
 * <ul>
 * <li>its security requirement and a sentence naming the role it needs ({@link NeedsRole}; none: any valid token);
 * <li>the errors the platform answers for it: 400 when it takes parameters or a body, 401, 403 when it needs a role,
 * 404 when its path names a resource, 413 and 415 when it takes a body, 412 when it takes {@code If-Match}, 428 when
 * {@code If-Match} is required;
 * <li>the problem detail schema and an example on every error response the controller declared with a description
 * only (409, 422...);
 * <li>the shared definitions of the headers it takes or answers ({@code If-Match}, {@code Idempotency-Key},
 * {@code ETag}, {@code Location}...), and {@code Idempotent-Replayed} on the success of an operation that takes
 * {@code Idempotency-Key}.
 * </ul>
 */
public class OperationDocumentation implements OperationCustomizer {

    /** The example of an id in a path: the Nanning MoU's, as the event contract's examples have it. */
    static final String EXAMPLE_ID = "4975ee2a-2e4f-48a6-a448-c9c3aabb5937";
    private static final String PUBLIC_ACCESS = "**Access:** public: no token needed.";
    private static final String KEY_REUSED = "The `Idempotency-Key` was already used for a different request; use a new "
            + "key for a new request";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        List<String> roles = roles(handler);
        boolean open = AnnotatedElementUtils.hasAnnotation(handler.getMethod(), Public.class);
        operation.setSecurity(open ? List.of() : List.of(new SecurityRequirement().addList(ApiParts.BEARER, roles)));
        operation.setDescription(open ? withAccess(operation.getDescription(), PUBLIC_ACCESS)
                : withAccess(operation.getDescription(), roles));

        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        parameters.forEach(ApiParts::completed);
        parameters.stream().filter(parameter -> "path".equals(parameter.getIn()))
                .filter(parameter -> parameter.getExample() == null && parameter.getSchema() != null
                        && "uuid".equals(parameter.getSchema().getFormat()))
                .forEach(parameter -> parameter.setExample(EXAMPLE_ID));
        boolean body = operation.getRequestBody() != null;
        Parameter ifMatch = header(parameters, ApiParts.IF_MATCH);
        boolean idempotent = header(parameters, IdempotentRequests.HEADER) != null;

        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        if (body || !parameters.isEmpty()) {
            standard(responses, 400);
        }
        if (!open) {
            standard(responses, 401);
        }
        if (!roles.isEmpty()) {
            standard(responses, 403);
        }
        if (parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()))) {
            standard(responses, 404);
        }
        if (body) {
            standard(responses, 413);
            standard(responses, 415);
        }
        // on every route: the one client error even a public operation without parameters can meet
        standard(responses, 431);
        if (ifMatch != null) {
            standard(responses, 412);
            if (Boolean.TRUE.equals(ifMatch.getRequired())) {
                standard(responses, 428);
            }
        }
        if (idempotent) {
            keyReused(responses);
        }
        responses.forEach((code, response) -> complete(code, response, idempotent));
        examples(handler, operation, responses);
        operation.setResponses(sorted(responses));
        return operation;
    }

    /** The examples {@link RequestExample} and {@link ResponseExample} name, as references ({@link ApiDocument} reads them). */
    private static void examples(HandlerMethod handler, Operation operation, ApiResponses responses) {
        RequestExample request = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestExample.class);
        if (request != null && operation.getRequestBody() != null) {
            addExamples(operation.getRequestBody().getContent(), request.value());
        }
        ResponseExample response = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), ResponseExample.class);
        if (response != null) {
            responses.entrySet().stream().filter(entry -> entry.getKey().startsWith("2")).findFirst()
                    .ifPresent(success -> addExamples(success.getValue().getContent(), response.value()));
        }
    }

    private static void addExamples(io.swagger.v3.oas.models.media.Content content, String[] names) {
        if (content == null || content.isEmpty()) {
            throw new IllegalStateException("an example " + List.of(names) + " for an operation without content");
        }
        content.values().forEach(media -> {
            for (String name : names) {
                media.addExamples(name, new io.swagger.v3.oas.models.examples.Example().$ref(ApiParts.EXAMPLE + name));
            }
        });
    }

    private static List<String> roles(HandlerMethod handler) {
        NeedsRole needs = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), NeedsRole.class);
        if (needs == null) {
            needs = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), NeedsRole.class);
        }
        return needs == null ? List.of() : List.of(needs.value());
    }

    /** The operation's description, ending with who may call it. */
    private static String withAccess(String description, List<String> roles) {
        return withAccess(description, roles.isEmpty()
                ? "**Access:** any valid bearer token (role `viewer`, `signatory` or `admin`)."
                : "**Access:** a bearer token with the role " + String.join(" or ", roles.stream()
                        .map(role -> "`" + role + "`").toList()) + "; another role gets 403.");
    }

    private static String withAccess(String description, String access) {
        return description == null || description.isBlank() ? access : description.strip() + "\n\n" + access;
    }

    private static Parameter header(List<Parameter> parameters, String name) {
        return parameters.stream().filter(parameter -> "header".equals(parameter.getIn()))
                .filter(parameter -> name.equalsIgnoreCase(parameter.getName())).findFirst().orElse(null);
    }

    /** {@code Idempotency-Key} reused with another body: a 422, whatever other 422 the operation has. */
    private static void keyReused(ApiResponses responses) {
        ApiResponse invalid = responses.get("422");
        if (invalid == null) {
            responses.addApiResponse("422", new ApiResponse().description(KEY_REUSED));
        } else if (invalid.get$ref() == null && !invalid.getDescription().contains(IdempotentRequests.HEADER)) {
            invalid.setDescription(invalid.getDescription().strip() + "; or the `Idempotency-Key` was already used for "
                    + "a different request");
        }
    }

    /** The shared response for {@code status}, unless the controller declared its own. */
    private static void standard(ApiResponses responses, int status) {
        ApiParts.StandardError error = ApiParts.STANDARD_ERRORS.get(status);
        responses.putIfAbsent(Integer.toString(status), new ApiResponse().$ref(ApiParts.RESPONSES + error.name()));
    }

    private static void complete(String code, ApiResponse response, boolean idempotent) {
        if (response.get$ref() != null) {
            return;
        }
        if (code.startsWith("2")) {
            if (idempotent) {
                response.addHeaderObject(IdempotentRequests.REPLAYED, new Header());
            }
            if (response.getHeaders() != null) {
                response.getHeaders().replaceAll((name, header) -> ApiParts.HEADER_DEFINITIONS.containsKey(name)
                        ? new Header().$ref(ApiParts.HEADERS + name) : header);
            }
        } else if (code.startsWith("4")
                && (response.getContent() == null || !response.getContent().containsKey(ApiParts.PROBLEM_JSON))) {
            int status = Integer.parseInt(code);
            ApiParts.StandardError standard = ApiParts.STANDARD_ERRORS.get(status);
            String title = standard != null ? standard.title()
                    : org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase();
            // the instance is the operation's path, filled in by ApiDocument (which knows it)
            ApiResponse problem = ApiParts.problemResponse(response.getDescription(), status, title,
                    detailOf(response.getDescription()), null);
            response.setContent(problem.getContent());
            if (problem.getHeaders() != null) {
                problem.getHeaders().forEach(response::addHeaderObject);
            }
        }
    }

    /** The example detail of a declared error: its description, as the first sentence a client would read. */
    private static String detailOf(String description) {
        String detail = description == null ? "" : description.strip();
        int end = detail.indexOf("\n");
        detail = end < 0 ? detail : detail.substring(0, end);
        detail = detail.endsWith(".") ? detail.substring(0, detail.length() - 1) : detail;
        // as the services write details: in lower case, like a message in a log line
        return detail.isEmpty() ? detail : Character.toLowerCase(detail.charAt(0)) + detail.substring(1);
    }

    private static ApiResponses sorted(ApiResponses responses) {
        Map<String, ApiResponse> byCode = new TreeMap<>(responses);
        ApiResponses sorted = new ApiResponses();
        byCode.forEach(sorted::addApiResponse);
        if (responses.getExtensions() != null) {
            sorted.setExtensions(responses.getExtensions());
        }
        return sorted;
    }
}
