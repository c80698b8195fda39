package org.concord.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClaimHolderTest {

    @Test
    void a_configured_name_is_used_as_it_is() {
        assertThat(ClaimHolder.of(" notifications-1 ", 8083).name()).isEqualTo("notifications-1");
    }

    @Test
    void without_one_the_name_is_the_host_and_port_so_a_restart_on_the_same_port_finds_its_claims() {
        assertThat(ClaimHolder.of("", 8083)).isEqualTo(ClaimHolder.of(null, 8083));
        assertThat(ClaimHolder.of("", 8083).name()).endsWith(":8083").isNotEqualTo(ClaimHolder.of("", 8084).name());
    }

    @Test
    void with_a_random_port_no_two_instances_share_a_name() {
        assertThat(ClaimHolder.of("", 0)).isNotEqualTo(ClaimHolder.of("", 0));
    }
}
