package org.concord.platform.startup;

/** A misconfiguration found while a service starts: what is wrong and what to do about it. */
public class StartupCheckFailed extends RuntimeException {

    private final String action;

    public StartupCheckFailed(String problem, String action) {
        super(problem);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
