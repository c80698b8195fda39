package org.concord.gateway.support;

import org.concord.testsupport.db.TestDatabase;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts a {@link TestSystem} per database the first time a class asks for it, and stops it when the whole run
 * ends (JUnit closes what the root store holds); skips a class whose database is not available, saying why.
 */
final class RunningSystems implements ExecutionCondition, ParameterResolver {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return database(context).unavailableReason()
                .map(ConditionEvaluationResult::disabled)
                .orElse(ConditionEvaluationResult.enabled("database available"));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestSystem.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestDatabase database = database(context);
        return context.getRoot().getStore(ExtensionContext.Namespace.create(RunningSystems.class))
                .computeIfAbsent(database, TestSystem::start, TestSystem.class);
    }

    private static TestDatabase database(ExtensionContext context) {
        return context.getTestClass()
                .flatMap(type -> AnnotationSupport.findAnnotation(type, WithConcordSystem.class))
                .map(WithConcordSystem::value)
                .orElse(TestDatabase.H2);
    }
}
