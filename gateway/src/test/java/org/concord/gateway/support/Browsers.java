package org.concord.gateway.support;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** The browser of each test: started for it, photographed if it failed, closed after it. */
final class Browsers implements ExecutionCondition, ParameterResolver, AfterTestExecutionCallback {

    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browsers.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return Browser.unavailableReason()
                .map(ConditionEvaluationResult::disabled)
                .orElse(ConditionEvaluationResult.enabled("Chromium and chromedriver are here"));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // kept in the test's own store: closed (AutoCloseable) when the test ends
        return context.getStore(NAMESPACE).computeIfAbsent(Browser.class, type -> new Browser(1280, 900), Browser.class);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Browser browser = context.getStore(NAMESPACE).get(Browser.class, Browser.class);
        if (browser != null && context.getExecutionException().isPresent()) {
            Path png = browser.screenshot(SCREENSHOTS,
                    context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName());
            System.err.println("the page when " + context.getDisplayName() + " failed: " + png.toAbsolutePath());
        }
    }
}
