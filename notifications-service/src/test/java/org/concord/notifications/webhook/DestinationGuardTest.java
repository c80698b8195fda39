package org.concord.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The guard resolves once (stub resolver: no DNS, no traffic) and checks every address. */
class DestinationGuardTest {

    private final AtomicInteger lookups = new AtomicInteger();
    private final Map<String, List<String>> dns = Map.of(
            "public.example", List.of("93.184.216.34"),
            "internal.example", List.of("10.0.0.5"),
            "metadata.example", List.of("93.184.216.34", "169.254.169.254"),
            "localhost", List.of("127.0.0.1"));
    private final HostResolver stub = host -> {
        lookups.incrementAndGet();
        List<String> addresses = dns.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        return addresses.stream().map(DestinationGuardTest::address).toList();
    };
    private final DestinationGuard guard = new DestinationGuard(new DestinationPolicy(Set.of("localhost")), stub);

    @Test
    void public_host_passes() {
        guard.check(URI.create("https://public.example/hook")).block();
        assertThat(lookups).hasValue(1);
    }

    @Test
    void host_resolving_to_a_private_address_is_refused_with_the_reason() {
        assertThatThrownBy(() -> guard.check(URI.create("https://internal.example/hook")).block())
                .isInstanceOf(ForbiddenDestination.class)
                .hasMessageContaining("10.0.0.5")
                .hasMessageContaining("private");
    }

    @Test
    void host_with_a_link_local_address_among_its_addresses_is_refused() {
        assertThatThrownBy(() -> guard.check(URI.create("https://metadata.example/hook")).block())
                .isInstanceOf(ForbiddenDestination.class)
                .hasMessageContaining("169.254.169.254");
    }

    @Test
    void ip_literal_is_checked_without_a_lookup() {
        assertThatThrownBy(() -> guard.check(URI.create("http://192.168.1.1:8080/hook")).block())
                .isInstanceOf(ForbiddenDestination.class)
                .hasMessageContaining("private");
        assertThatThrownBy(() -> guard.check(URI.create("http://[::1]/hook")).block())
                .hasMessageContaining("loopback");
        assertThat(lookups).hasValue(0);
    }

    @Test
    void unresolvable_host_is_refused() {
        assertThatThrownBy(() -> guard.check(URI.create("https://nowhere.example/hook")).block())
                .isInstanceOf(ForbiddenDestination.class)
                .hasMessageContaining("cannot be resolved");
    }

    @Test
    void allowlisted_host_passes_although_it_is_loopback() {
        guard.check(URI.create("http://localhost:9999/hook")).block();
    }

    @Test
    void the_addresses_handed_back_are_the_checked_ones() {
        assertThat(guard.resolveChecked("public.example").block())
                .extracting(InetAddress::getHostAddress).containsExactly("93.184.216.34");
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
