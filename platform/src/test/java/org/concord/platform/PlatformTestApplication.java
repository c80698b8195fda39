package org.concord.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service that uses the platform the way the real services do, for the platform's own tests. */
@SpringBootApplication
public class PlatformTestApplication {

    public static final String NAME = "platform-test";
}
