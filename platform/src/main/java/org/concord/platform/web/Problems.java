package org.concord.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writing an RFC 9457 problem detail where no controller advice reaches (web filters, security, the firewall, the
 * last-resort error handler), and the rule every detail obeys: it names no internal class, package or method.
 */
public final class Problems {

    /** A qualified Java name ({@code org.concord.x.Y}, {@code java.lang.String}), or a nested class ({@code A$B}). */
    private static final Pattern QUALIFIED = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.){2,}[A-Za-z_][\\w$]*(?:\\([^)]*\\))?");
    private static final Pattern NESTED = Pattern.compile("\\b[A-Z]\\w*\\$[A-Z]\\w*");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    /** The detail without any Java class, package or method name in it. */
    public static String scrub(String detail) {
        if (detail == null) {
            return null;
        }
        String scrubbed = QUALIFIED.matcher(detail).replaceAll(match -> simpleName(match.group()));
        return NESTED.matcher(scrubbed).replaceAll(match -> match.group().substring(match.group().indexOf('$') + 1));
    }

    /** Writes {@code status} with {@code detail} as {@code application/problem+json}. */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        return write(exchange, status, null, detail, null);
    }

    /** The same, with a title of its own and extra members (e.g. {@code errors} of a body that failed validation). */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String title, String detail,
            Map<String, Object> properties) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title != null ? title : status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", scrub(detail));
        problem.put("instance", exchange.getRequest().getPath().value());
        if (properties != null) {
            problem.putAll(properties);
        }
        String body = JSON.writeValueAsString(problem);
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }

    private static String simpleName(String qualified) {
        String name = qualified.replaceAll("\\(.*", "");
        name = name.substring(name.lastIndexOf('.') + 1);
        return name.contains("$") ? name.substring(name.lastIndexOf('$') + 1) : name;
    }

}
