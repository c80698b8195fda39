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
import tools.jackson.core.JacksonException;

/**
 * The one mapping from failures to RFC 9457 problem details, shared by every service: domain refusals keep
 * their status and message, unreadable input is a 400 that says what was wrong, an oversized body a 413, and
 * anything unexpected a 500 that reveals nothing internal (and is logged).
 */
@RestControllerAdvice
public class ProblemDetails extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetails.class);

    @ExceptionHandler(DomainException.class)
    public ResponseEntity<ProblemDetail> refused(DomainException e, ServerWebExchange exchange) {
        HttpStatus status = statusOf(e.meaning());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(status.getReasonPhrase());
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
    public ResponseEntity<ProblemDetail> tooLarge(Exception e, ServerWebExchange exchange) {
        return respond(tooLargeProblem(), exchange);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e, ServerWebExchange exchange) {
        log.error("unexpected failure on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "the service failed to handle this request; it has been logged");
        return respond(problem, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException e,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (causedBy(e, DataBufferLimitException.class)) {
            return Mono.just(ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).headers(headers).body(tooLargeProblem()));
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

    private static ProblemDetail tooLargeProblem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "the request body is larger than this service accepts");
        problem.setTitle("Content Too Large");
        return problem;
    }

    private static String unreadableReason(ServerWebInputException e) {
        Throwable cause = e.getCause();
        if (cause instanceof DecodingException decoding) {
            Throwable specific = decoding.getMostSpecificCause();
            if (specific instanceof JacksonException json && !json.getPath().isEmpty()) {
                return "the request body could not be read: field '" + fieldPath(json) + "': "
                        + firstLine(json.getOriginalMessage());
            }
            return "the request body could not be read: " + firstLine(specific.getMessage());
        }
        return e.getReason() != null ? e.getReason() : "the request could not be read";
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

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, ServerWebExchange exchange) {
        problem.setInstance(java.net.URI.create(exchange.getRequest().getPath().value()));
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
