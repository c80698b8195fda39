package org.concord.notifications.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Looks up the addresses of a host name (blocking; the guard calls it off the event loop). The system
 * resolver in production; tests replace it to simulate a name that changes its answer (DNS rebinding).
 */
@FunctionalInterface
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;

    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
