package org.concord.platform;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a Concord service with its own configuration file name ({@code regions-service.yml}, ...),
 * so the three services can share one classpath (the end-to-end test) without their settings colliding.
 */
public final class ConcordApplication {

    private ConcordApplication() {
    }

    public static ConfigurableApplicationContext run(Class<?> application, String serviceName, String... args) {
        return builder(application, serviceName).run(args);
    }

    public static SpringApplicationBuilder builder(Class<?> application, String serviceName) {
        return new SpringApplicationBuilder(application).properties(configName(serviceName));
    }

    public static String configName(String serviceName) {
        return "spring.config.name=" + serviceName;
    }
}
