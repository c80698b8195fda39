package org.concord.notifications.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.netty.util.NetUtil;

/**
 * Which webhook destinations the service may connect to (the SSRF guard's rules, no I/O): only http and
 * https, and no host whose address is loopback, private, link-local, unique-local, unspecified, multicast,
 * carrier-grade NAT, reserved or broadcast (IPv4-mapped, IPv4-compatible and NAT64 IPv6 forms are judged by
 * the IPv4 address they carry) unless the host, exactly as written in the URL, is on the allowlist
 * ({@code concord.webhooks.allowed-hosts}). The allowlist is matched on the URL's host, never on resolved
 * addresses, so a name that later resolves to 127.0.0.1 is not let through by allowlisting "127.0.0.1".
 */
public final class DestinationPolicy {

    private final Set<String> allowedHosts;

    public DestinationPolicy(Collection<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream()
                .map(DestinationPolicy::normalise)
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean isAllowlisted(String host) {
        return allowedHosts.contains(normalise(host));
    }

    /** The scheme and host of a URL, before any resolution: the reason it is refused, if it is. */
    public Optional<String> refusalOfUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https URLs can receive webhooks, not '" + url.getScheme() + "'");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            return Optional.of("the URL has no host");
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of("credentials in the URL are not accepted");
        }
        return Optional.empty();
    }

    /**
     * The reason a host that resolved to these addresses is refused, if it is: every address is checked, so
     * one forbidden address among public ones refuses the host.
     */
    public Optional<String> refusalOfAddresses(String host, Collection<InetAddress> addresses) {
        if (isAllowlisted(host)) {
            return Optional.empty();
        }
        if (addresses.isEmpty()) {
            return Optional.of("host '" + host + "' has no address");
        }
        for (InetAddress address : addresses) {
            Optional<ForbiddenRange> range = forbiddenRange(address);
            if (range.isPresent()) {
                return Optional.of("host '" + host + "' resolves to " + address.getHostAddress() + ", "
                        + range.get().description + "; such destinations are refused");
            }
        }
        return Optional.empty();
    }

    /**
     * The IP literal a URL host spells, if it spells one ({@code [::1]}, {@code 127.0.0.1}), without DNS.
     * Parsed the way Reactor Netty parses it: a literal is connected to directly, never handed to a resolver.
     */
    public static Optional<InetAddress> literalAddress(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(h);
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(h, bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The forbidden range an address falls in, if any. */
    public static Optional<ForbiddenRange> forbiddenRange(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4Range(b);
        }
        if (address instanceof Inet6Address) {
            return ipv6Range(b);
        }
        return Optional.of(ForbiddenRange.RESERVED);
    }

    private static Optional<ForbiddenRange> ipv4Range(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        if (a0 == 0) {
            return Optional.of(ForbiddenRange.UNSPECIFIED);
        }
        if (a0 == 127) {
            return Optional.of(ForbiddenRange.LOOPBACK);
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return Optional.of(ForbiddenRange.PRIVATE);
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of(ForbiddenRange.LINK_LOCAL);
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return Optional.of(ForbiddenRange.CARRIER_GRADE_NAT);
        }
        if (a0 >= 224 && a0 <= 239) {
            return Optional.of(ForbiddenRange.MULTICAST);
        }
        if (Arrays.equals(b, new byte[] {(byte) 255, (byte) 255, (byte) 255, (byte) 255})) {
            return Optional.of(ForbiddenRange.BROADCAST);
        }
        if (a0 >= 240) {
            return Optional.of(ForbiddenRange.RESERVED);
        }
        return Optional.empty();
    }

    private static Optional<ForbiddenRange> ipv6Range(byte[] b) {
        if (isZero(b, 0, 16)) {
            return Optional.of(ForbiddenRange.UNSPECIFIED);
        }
        if (isZero(b, 0, 15) && b[15] == 1) {
            return Optional.of(ForbiddenRange.LOOPBACK);
        }
        // ::ffff:a.b.c.d (IPv4-mapped), ::a.b.c.d (IPv4-compatible), 64:ff9b::a.b.c.d (NAT64)
        boolean mapped = isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = isZero(b, 0, 12);
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b && isZero(b, 4, 12);
        if (mapped || compatible || nat64) {
            return ipv4Range(Arrays.copyOfRange(b, 12, 16));
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return Optional.of(ForbiddenRange.LINK_LOCAL);
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
            return Optional.of(ForbiddenRange.PRIVATE); // fec0::/10, deprecated site-local
        }
        if ((b0 & 0xfe) == 0xfc) {
            return Optional.of(ForbiddenRange.UNIQUE_LOCAL);
        }
        if (b0 == 0xff) {
            return Optional.of(ForbiddenRange.MULTICAST);
        }
        return Optional.empty();
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String normalise(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** Address ranges a webhook may not be sent to. */
    public enum ForbiddenRange {
        LOOPBACK("a loopback address"),
        PRIVATE("a private address"),
        LINK_LOCAL("a link-local address"),
        UNIQUE_LOCAL("a unique-local address"),
        UNSPECIFIED("an unspecified address"),
        MULTICAST("a multicast address"),
        CARRIER_GRADE_NAT("a carrier-grade NAT (shared) address"),
        BROADCAST("the broadcast address"),
        RESERVED("a reserved address");

        public final String description;

        ForbiddenRange(String description) {
            this.description = description;
        }
    }
}
