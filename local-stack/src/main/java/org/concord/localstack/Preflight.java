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
        if (!Files.isRegularFile(home.resolve(LocalStack.JAR))) {
            throw new LaunchException(LocalStack.JAR + " is missing: run ./concord up from the repository root (it builds the jars)");
        }
        for (ServiceSpec service : services) {
            Path jar = service.jar(home);
            if (!Files.isRegularFile(jar)) {
                throw new LaunchException(home.relativize(jar) + " is missing: run ./concord up from the repository root"
                        + " (it builds the jars), or ./mvnw -pl " + service.name() + " -am package");
            }
        }
    }

    /**
     * Fails when the data directory belongs to a stack that still runs: its launcher, or processes a killed
     * launcher left behind. A stale record of a stack that is gone is simply forgotten.
     */
    static void requireNotRunning(RunDirectory run) {
        if (!run.exists()) {
            return;
        }
        long launcher = run.launcherPid().orElse(0L);
        if (RunDirectory.alive(launcher)) {
            throw new LaunchException("a local stack is already running from " + run.path().getParent() + " (launcher pid "
                    + launcher + "): ./concord status shows it, ./concord stop stops it", LaunchException.USAGE);
        }
        List<String> left = run.processNames().stream()
                .flatMap(name -> run.process(name).filter(RunDirectory.ProcessState::alive).stream())
                .map(state -> state.name() + " pid " + state.pid())
                .toList();
        if (!left.isEmpty()) {
            throw new LaunchException("the launcher of the last stack from " + run.path().getParent() + " is gone (pid " + launcher
                    + ") but its processes still run (" + String.join(", ", left) + "): ./concord stop stops them",
                    LaunchException.USAGE);
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
