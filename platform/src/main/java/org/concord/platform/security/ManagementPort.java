package org.concord.platform.security;

import java.net.InetSocketAddress;

import org.springframework.core.env.Environment;
import org.springframework.web.server.ServerWebExchange;

/**
 * Whether a request came in on the actuator's own port. The ports are known once the servers have started
 * ({@code local.management.port}, {@code local.server.port}); they are read from the environment until then and
 * remembered after, since that lookup costs more than the rest of the match and runs for every request.
 */
final class ManagementPort {

    private static final int NONE = -1;

    private final Environment environment;
    private volatile Integer port;

    ManagementPort(Environment environment) {
        this.environment = environment;
    }

    boolean received(ServerWebExchange exchange) {
        InetSocketAddress local = exchange.getRequest().getLocalAddress();
        int management = port();
        return management != NONE && local != null && local.getPort() == management;
    }

    private int port() {
        Integer known = port;
        if (known != null) {
            return known;
        }
        Integer management = environment.getProperty("local.management.port", Integer.class);
        Integer server = environment.getProperty("local.server.port", Integer.class);
        if (management == null || server == null) {
            return NONE;
        }
        port = management.equals(server) ? NONE : management;
        return port;
    }
}
