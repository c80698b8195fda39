package org.concord.localstack;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Asks a service's actuator whether it is UP, and when it is not, says which components are not. */
final class Health {

    /** What one look at {@code /actuator/health} showed. */
    record Status(boolean up, String description) {
    }

    private static final Pattern NOT_UP_COMPONENT =
            Pattern.compile("\"([\\w.-]+)\"\\s*:\\s*\\{\\s*\"status\"\\s*:\\s*\"(DOWN|OUT_OF_SERVICE|UNKNOWN)\"");

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    Status check(URI health) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3)).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return status(response.statusCode(), response.body());
        } catch (ConnectException e) {
            return new Status(false, "not listening yet");
        } catch (IOException e) {
            return new Status(false, "no answer (" + LaunchException.rootCause(e) + ")");
        }
    }

    /** Boot answers 200 when UP and 503 when DOWN or OUT_OF_SERVICE; the body names the components. */
    static Status status(int httpStatus, String body) {
        if (httpStatus == 200 && body.contains("\"status\":\"UP\"")) {
            return new Status(true, "UP");
        }
        List<String> notUp = new ArrayList<>();
        Matcher matcher = NOT_UP_COMPONENT.matcher(body);
        while (matcher.find()) {
            notUp.add(matcher.group(1) + " " + matcher.group(2));
        }
        return new Status(false, "HTTP " + httpStatus + (notUp.isEmpty() ? "" : ", " + String.join(", ", notUp)));
    }
}
