package org.concord.testsupport;

import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine answers here; asked once per test JVM. */
public final class Docker {

    private static Boolean available;

    private Docker() {
    }

    public static synchronized boolean available() {
        if (available == null) {
            available = !"false".equals(System.getProperty("concord.test.docker")) && probe();
        }
        return available;
    }

    private static boolean probe() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
