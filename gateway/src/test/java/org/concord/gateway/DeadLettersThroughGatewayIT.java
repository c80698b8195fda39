package org.concord.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.concord.gateway.support.TestSystem;
import org.concord.gateway.support.WithConcordSystem;
import org.concord.testsupport.http.Http;
import org.concord.testsupport.http.Http.Response;
import org.concord.testsupport.security.Tokens;
import org.junit.jupiter.api.Test;

/** Each service's dead letters through the gateway, at /api/admin/dead-letters/<service>: for admins only. */
@WithConcordSystem
class DeadLettersThroughGatewayIT {

    private static final List<String> SERVICES = List.of("regions-service", "agreements-service", "notifications-service");

    @Test
    void an_admin_lists_each_services_dead_letters_through_the_gateway(TestSystem system) {
        Http gateway = system.gateway();
        for (String service : SERVICES) {
            Response listing = gateway.get("/api/admin/dead-letters/" + service, Tokens.admin());
            assertThat(listing.status()).as("%s: %s", service, listing).isEqualTo(200);
            assertThat(listing.body().path("service").asString()).isEqualTo(service);
            assertThat(listing.body().path("topics").propertyNames()).as(service + "'s dead-letter topics")
                    .isNotEmpty().allSatisfy(topic -> assertThat(topic).endsWith("." + service + ".dlq"));
        }
    }

    @Test
    void others_are_refused_and_a_wrong_address_is_the_services_404_problem(TestSystem system) {
        Http gateway = system.gateway();
        assertThat(gateway.get("/api/admin/dead-letters/notifications-service", Tokens.viewer()).status()).isEqualTo(403);
        Response missing = gateway.get("/api/admin/dead-letters/notifications-service/no-such-topic/0/0", Tokens.admin());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.body().path("detail").asString()).contains("notifications-service has no dead-letter topic by that name");
    }
}
