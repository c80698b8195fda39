package org.concord.regions;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.concord.platform.ConcordApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "Concord regions-service", description = """
        The region registry (every entry of ISO 3166-2:CN and the ASEAN member states, each with the authority that \
        signs for it) and each region's cooperation portfolio: the agreements it is party to and the regions it \
        has signed with. Every change of a region is published on the Kafka topic regions.v1; the portfolios \
        follow agreements.v1 (see the AsyncAPI document of the event contract)."""))
public class RegionsApplication {

    public static final String NAME = "regions-service";

    public static void main(String[] args) {
        ConcordApplication.run(RegionsApplication.class, NAME, args);
    }
}
