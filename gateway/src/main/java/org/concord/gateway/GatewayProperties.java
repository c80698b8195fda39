package org.concord.gateway;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the gateway forwards where, and how much ({@code concord.gateway.*} in {@code gateway.yml}).
 *
 * @param services  by name (the route's id, and the name of its OpenAPI document): where it listens and which paths
 *                  are its
 * @param rateLimit the request budget of each client
 */
@ConfigurationProperties("concord.gateway")
public record GatewayProperties(Map<String, Service> services, RateLimit rateLimit) {

    /**
     * One service behind the gateway.
     *
     * @param uri   its base address, e.g. {@code http://localhost:8082}
     * @param paths the path patterns routed to it unchanged, e.g. {@code /api/agreements/**}
     */
    public record Service(URI uri, List<String> paths) {
    }

    /**
     * A token bucket per client: {@code burst} requests at once, refilled at {@code perSecond}.
     *
     * @param burst     requests a client may send at once
     * @param perSecond requests a client may send per second, sustained
     */
    public record RateLimit(int burst, double perSecond) {

        public RateLimit {
            if (burst < 1 || perSecond <= 0) {
                throw new IllegalArgumentException("concord.gateway.rate-limit: burst must be 1 or more and per-second "
                        + "more than 0, were " + burst + " and " + perSecond);
            }
        }
    }
}
