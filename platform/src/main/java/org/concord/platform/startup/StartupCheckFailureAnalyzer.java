package org.concord.platform.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a failed startup check into Boot's short failure report instead of a stack trace. */
public class StartupCheckFailureAnalyzer extends AbstractFailureAnalyzer<StartupCheckFailed> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupCheckFailed cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
