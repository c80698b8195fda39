package org.concord.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The gateway: one address in front of the three services (their REST resources, the live feed and their OpenAPI
 * documents), a request budget per client, and the console, served on the same origin.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /** Its configuration file is {@code gateway.yml}, as each service has its own {@code <service>.yml}. */
    public static final String NAME = "gateway";

    public static void main(String[] args) {
        new SpringApplicationBuilder(GatewayApplication.class).properties("spring.config.name=" + NAME).run(args);
    }
}
