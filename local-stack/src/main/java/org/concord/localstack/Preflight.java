package org.concord.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Checks made before anything starts, each failing with one sentence a developer can act on. */
final class Preflight {

    private Preflight() {
    }

    static void requireJars(Path home, List<ServiceSpec> services) {
        for (ServiceSpec service : services) {
            Path jar = service.jar(home);
            if (!Files.isRegularFile(jar)) {
                throw new LaunchException(home.relativize(jar) + " is missing: run ./concord up from the repository root"
                        + " (it builds the jars), or ./mvnw -pl " + service.name() + " -am package");
            }
        }
    }

    /**
     * Fails when something already listens on {@code port}: on the loopback address (where the broker
     * binds) or on any address (where the services bind).
     */
    static void requirePortFree(int port, String user) {
        if (!canBind(new InetSocketAddress("localhost", port)) || !canBind(new InetSocketAddress(port))) {
            throw new LaunchException("port " + port + " (" + user + ") is already in use: is another Concord stack or Kafka"
                    + " running? Stop it, then run ./concord up again");
        }
    }

    static boolean canBind(InetSocketAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            // Like the broker and Netty: a port whose last connections linger in TIME_WAIT is free.
            socket.setReuseAddress(true);
            socket.bind(address);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
