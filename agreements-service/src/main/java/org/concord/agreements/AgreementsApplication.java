package org.concord.agreements;

import java.time.Clock;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.concord.agreements.agreement.domain.TermNotices;
import org.concord.platform.ConcordApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** agreements-service: agreements between regions, their parties, signatures and audit trail. */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "Concord agreements-service", description = """
        Agreements between regions, from draft to the end of their life: `DRAFT → OPEN → SIGNED → IN_FORCE → \
        TERMINATED | EXPIRED`, `WITHDRAWN` from DRAFT or OPEN. Opening fixes the SHA-256 of the text \
        (`contentHash`); each party's signatory signs that hash; the agreement enters into force by its rule (all \
        signatures, a quorum, a date, or each party's own signature); parties withdraw with notice, the text is \
        amended by protocol, the term renews unless a party objects. Every step is kept in the \
        agreement's audit trail and published on the Kafka topic agreements.v1 (see the AsyncAPI document of the \
        event contract). The examples are the Nanning MoU, signed on 24 September 2024 by the departments of \
        commerce of twelve Chinese provincial-level regions."""))
@EnableScheduling
@EnableConfigurationProperties(AgreementsProperties.class)
public class AgreementsApplication {

    public static final String NAME = "agreements-service";

    public static void main(String[] args) {
        ConcordApplication.run(AgreementsApplication.class, NAME, args);
    }

    /** When term-ending notices go out (concord.agreements.schedule.term-notices). */
    @Bean
    TermNotices termNotices(AgreementsProperties properties) {
        return new TermNotices(properties.schedule().termNotices());
    }

    /** The time of every change (UTC). A bean so that a test can fix it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
