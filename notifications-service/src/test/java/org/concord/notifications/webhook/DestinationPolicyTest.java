package org.concord.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

import org.concord.notifications.webhook.DestinationPolicy.ForbiddenRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The SSRF rules on literal addresses: no DNS, no traffic. */
class DestinationPolicyTest {

    private final DestinationPolicy policy = new DestinationPolicy(Set.of("localhost", "127.0.0.1", "[::1]"));

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "127.0.0.1, LOOPBACK",
            "127.255.0.9, LOOPBACK",
            "::1, LOOPBACK",
            "10.1.2.3, PRIVATE",
            "172.16.0.1, PRIVATE",
            "172.31.255.255, PRIVATE",
            "192.168.0.10, PRIVATE",
            "169.254.169.254, LINK_LOCAL",
            "fe80::1, LINK_LOCAL",
            "fc00::1, UNIQUE_LOCAL",
            "fd12:3456::1, UNIQUE_LOCAL",
            "0.0.0.0, UNSPECIFIED",
            ":: , UNSPECIFIED",
            "224.0.0.1, MULTICAST",
            "ff02::1, MULTICAST",
            "100.64.0.1, CARRIER_GRADE_NAT",
            "100.127.255.254, CARRIER_GRADE_NAT",
            "255.255.255.255, BROADCAST",
            "240.0.0.1, RESERVED",
            "::ffff:127.0.0.1, LOOPBACK",
            "::ffff:10.0.0.1, PRIVATE",
            "::ffff:169.254.169.254, LINK_LOCAL",
            "64:ff9b::a00:1, PRIVATE",
    })
    void forbidden_address_is_classified_by_its_range(String address, ForbiddenRange range) throws UnknownHostException {
        assertThat(DestinationPolicy.forbiddenRange(InetAddress.getByName(address.trim()))).contains(range);
    }

    @Test
    void ipv4_mapped_ipv6_bytes_are_judged_by_the_ipv4_address_they_carry() throws UnknownHostException {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 127;
        mapped[15] = 1;
        // Inet6Address.getByAddress keeps the IPv6 form (InetAddress.getByName would turn it into IPv4)
        var address = java.net.Inet6Address.getByAddress(null, mapped, -1);
        assertThat(DestinationPolicy.forbiddenRange(address)).contains(ForbiddenRange.LOOPBACK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "203.0.113.10", "2606:4700::1111"})
    void public_address_is_allowed(String address) throws UnknownHostException {
        assertThat(DestinationPolicy.forbiddenRange(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void host_resolving_to_one_forbidden_address_among_public_ones_is_refused() throws UnknownHostException {
        var refusal = policy.refusalOfAddresses("mixed.example",
                List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.7")));

        assertThat(refusal).hasValueSatisfying(reason -> assertThat(reason)
                .contains("mixed.example").contains("10.0.0.7").contains("private"));
    }

    @Test
    void allowlisted_host_is_exempt_but_only_by_the_name_written_in_the_url() throws UnknownHostException {
        List<InetAddress> loopback = List.of(InetAddress.getByName("127.0.0.1"));

        assertThat(policy.refusalOfAddresses("localhost", loopback)).isEmpty();
        assertThat(policy.refusalOfAddresses("LOCALHOST.", loopback)).isEmpty();
        assertThat(policy.refusalOfAddresses("127.0.0.1", loopback)).isEmpty();
        assertThat(policy.refusalOfAddresses("evil.example", loopback)).hasValueSatisfying(reason ->
                assertThat(reason).contains("loopback"));
    }

    @Test
    void nothing_is_allowlisted_by_default() throws UnknownHostException {
        var strict = new DestinationPolicy(Set.of());
        assertThat(strict.refusalOfAddresses("localhost", List.of(InetAddress.getByName("127.0.0.1")))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/x", "file:///etc/passwd", "gopher://example.com", "javascript:alert(1)"})
    void only_http_and_https_urls_are_accepted(String url) {
        assertThat(policy.refusalOfUrl(URI.create(url))).isPresent();
    }

    @Test
    void credentials_in_the_url_are_refused() {
        assertThat(policy.refusalOfUrl(URI.create("https://user:pass@example.com/hook"))).isPresent();
        assertThat(policy.refusalOfUrl(URI.create("https://example.com/hook"))).isEmpty();
    }

    @Test
    void ip_literals_are_recognised_without_dns() {
        assertThat(DestinationPolicy.literalAddress("127.0.0.1")).isPresent();
        assertThat(DestinationPolicy.literalAddress("[::1]")).isPresent();
        assertThat(DestinationPolicy.literalAddress("::ffff:10.0.0.1")).isPresent();
        assertThat(DestinationPolicy.literalAddress("example.com")).isEmpty();
        assertThat(DestinationPolicy.literalAddress("localhost")).isEmpty();
    }
}
