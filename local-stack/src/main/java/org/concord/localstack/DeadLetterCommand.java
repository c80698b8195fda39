package org.concord.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./concord dead-letters}: the dead letters of the running stack's services, through their admin endpoints
 * ({@code /api/admin/dead-letters}) with a development admin token.
 *
 * <pre>
 * ./concord dead-letters [list] [service]                            every dead letter (of one service)
 * ./concord dead-letters show &lt;service&gt; &lt;topic&gt; &lt;partition&gt; &lt;offset&gt;     one, with its headers and value
 * ./concord dead-letters replay &lt;service&gt; &lt;topic&gt; &lt;partition&gt; &lt;offset&gt;   hand it to its consumer again
 * </pre>
 */
final class DeadLetterCommand {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String USAGE = "usage: ./concord dead-letters [list] [service] | show <service> <topic> <partition> <offset>"
            + " | replay <service> <topic> <partition> <offset>";

    private final StackLayout layout;
    private final String token;

    DeadLetterCommand(StackLayout layout, String token) {
        this.layout = layout;
        this.token = token;
    }

    static int run(List<String> args, LaunchOptions options) {
        StackControl control = new StackControl(options);
        DevKeys keys = new DevKeys(options.dataDirectory());
        keys.ensure();
        String token = DevToken.parse(List.of("admin")).sign(keys.privateKey(), Instant.now());
        return new DeadLetterCommand(control.layout(), token).run(args);
    }

    int run(List<String> args) {
        String verb = args.isEmpty() ? "list" : args.get(0);
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        return switch (verb) {
            case "list" -> list(rest.isEmpty() ? null : rest.get(0));
            case "show", "replay" -> {
                if (rest.size() != 4) {
                    throw new LaunchException(USAGE, LaunchException.USAGE);
                }
                yield verb.equals("show") ? show(rest) : replay(rest);
            }
            default -> rest.isEmpty() && isService(verb) ? list(verb) : usage();
        };
    }

    private int list(String only) {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("SERVICE", "DEAD LETTER (topic partition offset)", "PARKED", "EVENT", "TYPE", "APPLIED", "REASON"));
        for (StackLayout.ServiceInstance service : firstInstances()) {
            if (only != null && !service.service().name().equals(resolve(only))) {
                continue;
            }
            JsonNode listing = call(service, "GET", "/api/admin/dead-letters");
            listing.path("topics").properties().forEach(topic -> Console.info(service.name() + ": " + topic.getKey() + " holds "
                    + topic.getValue().asLong() + (topic.getValue().asLong() == 1 ? " record" : " records")));
            for (JsonNode item : listing.path("items").values()) {
                table.add(List.of(service.service().name(), item.path("topic").asString() + " " + item.path("partition").asInt()
                        + " " + item.path("offset").asLong(), item.path("parkedAt").asString(), text(item.path("eventId")),
                        text(item.path("eventType")), item.path("applied").asBoolean() ? "yes" : "no",
                        shorten(text(item.path("reason")))));
            }
        }
        if (table.size() == 1) {
            Console.info("no dead letters");
        } else {
            StackControl.table(table).forEach(Console::plain);
        }
        return 0;
    }

    private int show(List<String> address) {
        JsonNode detail = call(service(address.get(0)), "GET", path(address));
        Console.plain(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(detail));
        return 0;
    }

    private int replay(List<String> address) {
        JsonNode replay = call(service(address.get(0)), "POST", path(address) + "/replay");
        Console.info("replayed " + address.get(1) + " " + address.get(2) + " " + address.get(3) + " (event "
                + text(replay.path("eventId")) + ") to " + replay.path("consumer").asString() + ": "
                + replay.path("outcome").asString());
        return 0;
    }

    private static String path(List<String> address) {
        return "/api/admin/dead-letters/" + address.get(1) + "/" + address.get(2) + "/" + address.get(3);
    }

    private JsonNode call(StackLayout.ServiceInstance service, String method, String path) {
        URI url = service.url().resolve(path);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new LaunchException(service.name() + " answered " + response.statusCode() + " to " + method + " " + path
                        + ": " + body.path("detail").asString(response.body()));
            }
            return body;
        } catch (IOException e) {
            throw new LaunchException(service.name() + " does not answer at " + service.url()
                    + " (is the stack running? ./concord status)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException(null, LaunchException.INTERRUPTED);
        }
    }

    private List<StackLayout.ServiceInstance> firstInstances() {
        return layout.services().stream().filter(service -> service.instance() == 1).toList();
    }

    private StackLayout.ServiceInstance service(String name) {
        String wanted = resolve(name);
        return firstInstances().stream().filter(service -> service.service().name().equals(wanted)).findFirst()
                .orElseThrow(() -> new LaunchException("no service " + name + " (regions, agreements or notifications)",
                        LaunchException.USAGE));
    }

    private boolean isService(String name) {
        String wanted = resolve(name);
        return firstInstances().stream().anyMatch(service -> service.service().name().equals(wanted));
    }

    private static String resolve(String name) {
        return name.endsWith("-service") ? name : name + "-service";
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? "-" : node.asString();
    }

    private static String shorten(String reason) {
        return reason.length() <= 80 ? reason : reason.substring(0, 77) + "...";
    }

    private static int usage() {
        throw new LaunchException(USAGE, LaunchException.USAGE);
    }
}
