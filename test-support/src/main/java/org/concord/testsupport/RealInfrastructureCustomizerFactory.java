package org.concord.testsupport;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Registers {@link RealInfrastructure} for test classes annotated with {@link ConcordIntegrationTest}. */
class RealInfrastructureCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        ConcordIntegrationTest annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
                ConcordIntegrationTest.class);
        return annotation == null ? null
                : new RealInfrastructure(annotation.database(), List.of(annotation.extraTopics()));
    }
}
