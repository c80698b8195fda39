package org.concord.notifications.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * The name this instance holds its deliveries' claims under. It stays the same across the instance's restarts, so a
 * restarted instance can give back what it held when it died; no other running instance may share it.
 * {@code concord.webhooks.instance} when set, else the host name and the HTTP port (two running instances on one
 * host cannot share a port). With a random port (tests) there is no such name: the claims of a dead instance expire.
 */
public record ClaimHolder(String name) {

    public static ClaimHolder of(String configured, int port) {
        if (configured != null && !configured.isBlank()) {
            return new ClaimHolder(configured.strip());
        }
        String host = hostName();
        return new ClaimHolder(host + ":" + (port > 0 && !host.isEmpty() ? String.valueOf(port) : UUID.randomUUID()));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            return "";
        }
    }
}
