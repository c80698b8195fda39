package org.concord.agreements;

import org.concord.platform.ConcordApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AgreementsApplication {

    public static final String NAME = "agreements-service";

    public static void main(String[] args) {
        ConcordApplication.run(AgreementsApplication.class, NAME, args);
    }
}
