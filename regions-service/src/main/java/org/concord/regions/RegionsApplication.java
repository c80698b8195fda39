package org.concord.regions;

import org.concord.platform.ConcordApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RegionsApplication {

    public static final String NAME = "regions-service";

    public static void main(String[] args) {
        ConcordApplication.run(RegionsApplication.class, NAME, args);
    }
}
