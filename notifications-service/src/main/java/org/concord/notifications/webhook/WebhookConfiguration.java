package org.concord.notifications.webhook;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The webhook sending side: SSRF guard (policy + resolver), the non-blocking HTTP client and its claims' name. */
@Configuration(proxyBeanMethods = false)
public class WebhookConfiguration {

    @Bean
    HostResolver systemHostResolver() {
        return HostResolver.system();
    }

    @Bean
    DestinationGuard destinationGuard(WebhookProperties properties, HostResolver resolver) {
        return new DestinationGuard(new DestinationPolicy(properties.allowedHosts()), resolver);
    }

    @Bean
    ClaimHolder claimHolder(WebhookProperties properties, Environment environment) {
        return ClaimHolder.of(properties.instance(), environment.getProperty("server.port", Integer.class, 8080));
    }

    @Bean(destroyMethod = "close")
    WebhookClient webhookClient(DestinationGuard guard, Clock clock, WebhookProperties properties) {
        return new WebhookClient(guard, clock, properties);
    }
}
