package org.concord.platform.web;

import java.util.List;
import java.util.Map;

import org.concord.platform.domain.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import org.springframework.beans.TypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one mapping from failures to RFC 9457 problem details, shared by every service: domain refusals keep
 * their status and message, unreadable input is a 400 that says what was wrong, an oversized body a 413, and
 * anything unexpected a 500 that reveals nothing internal (and is logged).
 */
@RestControllerAdvice
public class ProblemDetails extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetails.class);

    @ExceptionHandler(DomainException.class)
    public Mono<Void> refused(DomainException e, ServerWebExchange exchange) {
        HttpStatus status = statusOf(e.meaning());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(status.getReasonPhrase());
        if (e.rule() != null) {
            problem.setProperty("rule", e.rule());
        }
        return respond(problem, exchange);
    }

    /** The one place a refusal's meaning becomes an HTTP status. */
    public static HttpStatus statusOf(DomainException.Meaning meaning) {
        return switch (meaning) {
            case MALFORMED -> HttpStatus.BAD_REQUEST;
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
            case REFUSED -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case STALE_VERSION -> HttpStatus.PRECONDITION_FAILED;
            case VERSION_REQUIRED -> HttpStatus.PRECONDITION_REQUIRED;
        };
    }

    @ExceptionHandler({ DataBufferLimitException.class, ContentTooLargeException.class })
    public Mono<Void> tooLarge(Exception e, ServerWebExchange exchange) {
        return respond(tooLargeProblem(), exchange);
    }

    @ExceptionHandler(Exception.class)
    public Mono<Void> unexpected(Exception e, ServerWebExchange exchange) {
        log.error("unexpected failure on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "the service failed to handle this request; it has been logged");
        return respond(problem, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException e,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (causedBy(e, DataBufferLimitException.class)) {
            return respond(tooLargeProblem(), exchange).then(Mono.empty());
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadableReason(e));
        problem.setTitle("Bad Request");
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException e,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<Map<String, Object>> errors = e.getFieldErrors().stream()
                .map(error -> Map.<String, Object>of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the request body is invalid: " + errors.stream()
                        .map(error -> error.get("field") + " " + error.get("message")).toList());
        problem.setTitle("Bad Request");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    /**
     * The client accepts nothing this service produces: the answer is still a problem detail, written here
     * directly (content negotiation would find no way to write it).
     */
    @Override
    protected Mono<ResponseEntity<Object>> handleNotAcceptableStatusException(
            org.springframework.web.server.NotAcceptableStatusException e, HttpHeaders headers, HttpStatusCode status,
            ServerWebExchange exchange) {
        return Problems.write(exchange, HttpStatus.NOT_ACCEPTABLE,
                "this resource is available as application/json only; the request's Accept header excludes it")
                .then(Mono.empty());
    }

    /** Every detail this advice writes goes through here: nothing internal leaves the service. */
    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : ProblemDetail.forStatusAndDetail(status, "the request could not be handled as sent");
        if (headers != null) {
            headers.forEach((name, values) -> exchange.getResponse().getHeaders().addAll(name, values));
        }
        return respond(problem, exchange).then(Mono.empty());
    }

    private static ProblemDetail tooLargeProblem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "the request body is larger than this service accepts");
        problem.setTitle("Content Too Large");
        return problem;
    }

    /** Why the request could not be read, in the API's own words: field names, expected types, never a class name. */
    private static String unreadableReason(ServerWebInputException e) {
        if (e.getReason() != null && e.getReason().startsWith("No request body")) {
            return "the request needs a JSON body";
        }
        Throwable cause = e.getCause();
        if (cause instanceof DecodingException decoding) {
            Throwable specific = decoding.getMostSpecificCause();
            if (specific instanceof JacksonException json) {
                return "the request body could not be read: " + describe(json);
            }
            return "the request body could not be read: it is not JSON";
        }
        if (cause instanceof TypeMismatchException mismatch && e.getMethodParameter() != null) {
            return "'" + mismatch.getValue() + "' is not a valid " + e.getMethodParameter().getParameterName()
                    + ": expected " + expected(mismatch.getRequiredType());
        }
        return e.getReason() != null ? e.getReason() : "the request could not be read";
    }

    private static String describe(JacksonException e) {
        String field = e.getPath().isEmpty() ? null : fieldPath(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "'" + unknown.getPropertyName() + "' is not a property of this request (it has "
                    + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList() + ")";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null && field != null) {
            return "field '" + field + "': expected " + expected(mismatch.getTargetType());
        }
        if (e instanceof DatabindException && field != null) {
            return "field '" + field + "' has a value this request cannot take";
        }
        return field == null ? firstLine(e.getOriginalMessage()) : "field '" + field + "': " + firstLine(e.getOriginalMessage());
    }

    /** A type as an API user knows it. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == java.time.LocalDate.class) {
            return "a date such as 2024-09-24";
        }
        if (type == java.time.Instant.class) {
            return "a timestamp such as 2024-09-24T02:00:00Z";
        }
        if (type == java.util.UUID.class) {
            return "an id (a UUID)";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String fieldPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed JSON";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes the problem detail itself, whatever the request's Accept header says (content negotiation would leave
     * a client that accepts only, say, text/html with an empty error).
     */
    private static Mono<Void> respond(ProblemDetail problem, ServerWebExchange exchange) {
        return Problems.write(exchange, HttpStatus.valueOf(problem.getStatus()), problem.getTitle(), problem.getDetail(),
                problem.getProperties());
    }
}
