package org.concord.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HealthTest {

    @Test
    void up_is_http_200_with_status_UP() {
        assertThat(Health.status(200, "{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\",\"components\":{}}"))
                .isEqualTo(new Health.Status(true, "UP"));
    }

    @Test
    void down_names_the_components_that_are_not_up() {
        String body = "{\"status\":\"DOWN\",\"components\":{\"binders\":{\"status\":\"DOWN\",\"components\":"
                + "{\"kafka\":{\"status\":\"DOWN\",\"details\":{}}}},\"r2dbc\":{\"status\":\"UP\"},"
                + "\"ping\":{\"status\":\"UP\"}}}";

        assertThat(Health.status(503, body)).isEqualTo(new Health.Status(false, "HTTP 503, binders DOWN, kafka DOWN"));
    }

    @Test
    void anything_else_is_not_up() {
        assertThat(Health.status(404, "").up()).isFalse();
    }
}
