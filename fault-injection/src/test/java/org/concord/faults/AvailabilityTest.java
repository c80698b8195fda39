package org.concord.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AvailabilityTest {

    private HttpServer service;

    @BeforeEach
    void a_service_that_answers_after_a_second() throws IOException {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/probe", exchange -> {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.start();
    }

    @AfterEach
    void stop() {
        service.stop(0);
    }

    @Test
    void a_question_in_flight_when_the_watch_closes_is_answered_not_counted_as_missed() throws Exception {
        URI probe = URI.create("http://127.0.0.1:" + service.getAddress().getPort() + "/probe");
        Availability availability = new Availability(Map.of("slow-service", probe), "token").start();
        Thread.sleep(300);

        availability.close();

        assertThat(availability.describe()).isEqualTo("slow-service 1/1");
        assertThat(availability.alwaysAnswered()).isTrue();
    }

    @Test
    void a_question_without_an_answer_is_missed_with_its_reason() throws Exception {
        URI nobody = URI.create("http://127.0.0.1:" + service.getAddress().getPort() + "/nothing-here");
        Availability availability = new Availability(Map.of("service", nobody), "token").start();
        Thread.sleep(300);

        availability.close();

        assertThat(availability.alwaysAnswered()).isFalse();
        assertThat(availability.describe()).startsWith("service 0/1").contains("HTTP 404");
    }
}
