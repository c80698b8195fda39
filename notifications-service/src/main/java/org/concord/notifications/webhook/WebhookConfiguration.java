package org.concord.notifications.webhook;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhook sending side: SSRF guard (policy + resolver) and the non-blocking HTTP client. */
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

    @Bean(destroyMethod = "close")
    WebhookClient webhookClient(DestinationGuard guard, Clock clock, WebhookProperties properties) {
        return new WebhookClient(guard, clock, properties);
    }
}
