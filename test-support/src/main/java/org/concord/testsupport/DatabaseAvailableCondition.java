package org.concord.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Skips a test whose database is not available here, saying why. */
class DatabaseAvailableCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getTestClass()
                .map(type -> TestContextAnnotationUtils.findMergedAnnotation(type, ConcordIntegrationTest.class))
                .flatMap(annotation -> annotation.database().unavailableReason()
                        .map(ConditionEvaluationResult::disabled))
                .orElse(ConditionEvaluationResult.enabled("database available"));
    }
}
