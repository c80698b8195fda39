package org.concord.gateway.ratelimit;

import org.concord.gateway.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The request budget per client, and the filter that spends it. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    RateLimitFilter rateLimitFilter(GatewayProperties gateway, TokenVerificationProperties tokens) {
        return new RateLimitFilter(ClientIdentity.of(tokens), new RequestBudget(gateway.rateLimit(), System::nanoTime));
    }
}
