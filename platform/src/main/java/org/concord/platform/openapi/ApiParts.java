package org.concord.platform.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.concord.platform.web.IdempotentRequests;

/**
 * The parts of every service's OpenAPI document that are written once, here: the bearer token scheme, the problem
 * detail schema, the standard error responses, and the headers and parameters every service uses the same way.
 * {@link OperationDocumentation} puts them on each operation; {@link ApiDocument} on the document.
 */
public final class ApiParts {

    /** The name of the security scheme: a bearer JWT. */
    public static final String BEARER = "bearer";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String PROBLEM = "Problem";

    public static final String ETAG = "ETag";
    public static final String LOCATION = "Location";
    public static final String IF_MATCH = "If-Match";
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    public static final String LAST_EVENT_ID = "Last-Event-ID";

    static final String RESPONSES = "#/components/responses/";
    static final String SCHEMAS = "#/components/schemas/";
    static final String HEADERS = "#/components/headers/";
    /** The prefix of an example's reference: {@code ref = ApiParts.EXAMPLE + "region-guangxi"} names openapi/examples/region-guangxi.json. */
    public static final String EXAMPLE = "#/components/examples/";

    /** An error every service answers the same way, for the same reason, as a shared response. */
    public record StandardError(int status, String name, String title, String description, String exampleDetail) {
    }

    /** By status. (429 and 503 come from the gateway, which adds them to the documents it serves.) */
    static final Map<Integer, StandardError> STANDARD_ERRORS = byStatus(
            new StandardError(400, "BadRequest", "Bad Request",
                    "Malformed: unreadable JSON, an unknown property, a value of the wrong JSON type, a missing or badly "
                            + "formatted field, parameter or header. `errors` lists each field of a body that failed "
                            + "validation. Nothing was changed.",
                    "the request body could not be read: field 'parties': expected an array"),
            new StandardError(401, "Unauthorized", "Unauthorized",
                    "No bearer token, or one that does not verify (signature, expiry, issuer, audience).",
                    "a valid bearer token is required: Jwt expired at 2024-09-24T02:00:00Z"),
            new StandardError(403, "Forbidden", "Forbidden",
                    "The token's roles do not allow this operation.",
                    "your token's roles do not allow this request"),
            new StandardError(404, "NotFound", "Not Found",
                    "Nothing by this code or id.",
                    "nothing by this code or id"),
            new StandardError(412, "PreconditionFailed", "Precondition Failed",
                    "`If-Match` names a version that is no longer the current one: read the resource again (its `ETag`) "
                            + "and decide anew. Nothing was changed.",
                    "the resource has changed: If-Match \"1\" does not match the current ETag \"2\""),
            new StandardError(413, "ContentTooLarge", "Content Too Large",
                    "The request body is larger than the service accepts (1 MB).",
                    "the request body is larger than this service accepts"),
            new StandardError(415, "UnsupportedMediaType", "Unsupported Media Type",
                    "The body is not of a media type this operation takes (`Content-Type`).",
                    "Content-Type 'text/plain' is not supported."),
            new StandardError(428, "PreconditionRequired", "Precondition Required",
                    "This change must name the version it was made against: send `If-Match` with the resource's "
                            + "`ETag`. Nothing was changed.",
                    "this update needs an If-Match header with the resource's current ETag \"2\""),
            new StandardError(431, "RequestHeaderFieldsTooLarge", "Request Header Fields Too Large",
                    "The request's headers are larger than the service accepts (16 KB in all). Nothing was changed.",
                    "the request headers are larger than this service accepts (16384 bytes in all)"));

    private ApiParts() {
    }

    static SecurityScheme bearerScheme() {
        return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("A JWT signed with RS256 by the issuer the services trust, with `exp`, `iss` and `aud`, "
                        + "and a `roles` claim: `viewer` reads, `signatory` signs for the region its `region` claim "
                        + "names, `admin` does everything else. Each operation's security requirement lists the role "
                        + "it needs (none listed: any valid token). The local stack signs development tokens: "
                        + "`./concord token admin`.");
    }

    /** RFC 9457 problem details, as every error of every service is written. */
    @SuppressWarnings("rawtypes")
    static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the field's path in the body, e.g. `signingEvent.date`"))
                .addProperty("message", new StringSchema().description("what is wrong with it"))
                .required(List.of("field", "message"));
        return new ObjectSchema()
                .description("An error, as an RFC 9457 problem detail (`application/problem+json`). It names no "
                        + "internal class; a 500 says only that the failure was logged.")
                .addProperty("type", new StringSchema().description("Always `about:blank`: the status says what kind of "
                        + "problem it is.").example("about:blank"))
                .addProperty("title", new StringSchema().description("The status's reason phrase.").example("Conflict"))
                .addProperty("status", new IntegerSchema().format("int32").minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599)).description("The HTTP status."))
                .addProperty("detail", new StringSchema().description("What was wrong, in words a user can act on."))
                .addProperty("instance", new StringSchema().description("The path of the request."))
                .addProperty("rule", new StringSchema().description("A refusal by a rule of the domain: the rule's stable "
                        + "identifier, e.g. `party-signs-once` (docs/lifecycle.md lists them); absent otherwise.")
                        .example("party-signs-once"))
                .addProperty("errors", new ArraySchema().items(fieldError)
                        .description("400 for a body that failed validation: each field and what is wrong with it."))
                .required(List.of("type", "title", "status", "detail", "instance"));
    }

    /** A problem response: the schema, and an example with {@code detail} at {@code instance}. */
    static ApiResponse problemResponse(String description, int status, String title, String detail, String instance) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        example.put("instance", instance);
        ApiResponse response = new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref(SCHEMAS + PROBLEM)).example(example)));
        if (status == 401) {
            response.addHeaderObject(WWW_AUTHENTICATE, new Header().$ref(HEADERS + WWW_AUTHENTICATE));
        }
        return response;
    }

    /** The response headers every service (or the gateway) sets the same way, by name. */
    static final Map<String, Header> HEADER_DEFINITIONS = Map.of(
            ETAG, new Header().description("The resource's version as a strong entity tag; send it back in `If-Match` "
                    + "to change the resource.").schema(new StringSchema().example("\"2\"")),
            LOCATION, new Header().description("Where the created resource is.")
                    .schema(new StringSchema().format("uri-reference").example("/api/agreements/4975ee2a-2e4f-48a6-a448-c9c3aabb5937")),
            IdempotentRequests.REPLAYED, new Header().description("`true` when this is the stored first response to an "
                    + "earlier request with the same `Idempotency-Key` (nothing was done again); absent otherwise.")
                    .schema(new StringSchema()._enum(List.of("true"))),
            WWW_AUTHENTICATE, new Header().description("`Bearer`: how to authenticate.")
                    .schema(new StringSchema().example("Bearer")));

    /** The request headers every service reads the same way, completed by name wherever an operation takes one. */
    static Parameter completed(Parameter parameter) {
        String name = parameter.getName();
        if (IF_MATCH.equalsIgnoreCase(name)) {
            return parameter.description(Boolean.TRUE.equals(parameter.getRequired())
                            ? "The resource's current `ETag` (or `*`). Required: without it 428; with a version that is "
                                    + "no longer the current one 412."
                            : "Optional: the resource's current `ETag` (or `*`); a version that is no longer the current "
                                    + "one is refused with 412.")
                    .schema(new StringSchema().example("\"1\""));
        }
        if (IdempotentRequests.HEADER.equalsIgnoreCase(name)) {
            return parameter.description("Makes the request safe to send again: the same key with the same body gets "
                            + "the first response again (its status, `Location`, `ETag` and body, with "
                            + "`Idempotent-Replayed: true`) instead of a second change; the same key with another body "
                            + "is a 422. A refused request stores nothing: correct it and send it again under the same "
                            + "key. Keys are scoped by method and path and kept 24 hours; 1 to 255 visible ASCII "
                            + "characters (a UUID is a good key).")
                    .schema(new StringSchema().minLength(1).maxLength(255).pattern("^[!-~]{1,255}$")
                            .example("5b0c2f7e-3d1a-4c8e-9f62-2a7d1e0b9c41"));
        }
        if (LAST_EVENT_ID.equalsIgnoreCase(name)) {
            return parameter.description("Resume after this notification id (the `id` of the last event received); "
                            + "browsers send it by themselves when they reconnect.")
                    .schema(new StringSchema().pattern("^[0-9]{1,18}$").example("42"));
        }
        if ("query".equals(parameter.getIn()) && "page".equals(name)) {
            return parameter.description("Which page, from 0.")
                    .schema(new IntegerSchema().format("int32").minimum(java.math.BigDecimal.ZERO)._default(0));
        }
        if ("query".equals(parameter.getIn()) && "size".equals(name)) {
            return parameter.description("How many items a page has (more than 100 is taken as 100).")
                    .schema(new IntegerSchema().format("int32").minimum(java.math.BigDecimal.ONE)._default(20));
        }
        return parameter;
    }

    private static Map<Integer, StandardError> byStatus(StandardError... errors) {
        Map<Integer, StandardError> map = new LinkedHashMap<>();
        for (StandardError error : errors) {
            map.put(error.status(), error);
        }
        return Map.copyOf(map);
    }
}
