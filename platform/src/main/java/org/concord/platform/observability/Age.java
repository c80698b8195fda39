package org.concord.platform.observability;

import java.time.Duration;
import java.time.Instant;

/** The value of an age gauge: seconds from an instant to now, 0 when there is none (or it is still to come). */
public final class Age {

    private Age() {
    }

    public static double secondsSince(Instant at) {
        return at == null ? 0 : Math.max(0, Duration.between(at, Instant.now()).toMillis() / 1000.0);
    }
}
