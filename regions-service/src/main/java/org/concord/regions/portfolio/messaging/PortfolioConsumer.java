package org.concord.regions.portfolio.messaging;

import org.concord.platform.messaging.EventConsumer;
import org.concord.platform.messaging.EventConsumers;
import org.concord.regions.portfolio.application.PortfolioService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Feeds the portfolio from {@code agreements.v1} (binding {@code agreementEvents-in-0}): every agreement event
 * carries the agreement's snapshot, so all types are handled alike.
 */
@Configuration(proxyBeanMethods = false)
public class PortfolioConsumer {

    public static final String FUNCTION = "agreementEvents";

    @Bean(FUNCTION)
    EventConsumer agreementEvents(EventConsumers consumers, PortfolioService portfolio) {
        return consumers.function(FUNCTION)
                .on("concord.agreement.*", AgreementEventData.class, (event, data) -> portfolio.apply(data.toView()))
                .build();
    }
}
