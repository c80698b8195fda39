package org.concord.agreements;

import java.time.Clock;

import org.concord.platform.ConcordApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** agreements-service: agreements between regions, their parties, signatures and audit trail. */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(AgreementsProperties.class)
public class AgreementsApplication {

    public static final String NAME = "agreements-service";

    public static void main(String[] args) {
        ConcordApplication.run(AgreementsApplication.class, NAME, args);
    }

    /** The time of every change (UTC). A bean so that a test can fix it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
