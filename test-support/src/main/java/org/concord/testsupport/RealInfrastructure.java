package org.concord.testsupport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.NewTopic;
import org.concord.testsupport.db.TestDatabase;
import org.concord.testsupport.kafka.TestKafka;
import org.concord.testsupport.security.Tokens;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points one test application context at the shared broker, a database of its own and topics of its own
 * ({@code agreements.v1-<id>} ...; {@code regions.v1-<id>} compacted as in production), and has it verify
 * the tokens of {@link Tokens}. Contexts with the same
 * configuration are cached and shared by Spring, so each combination pays for its setup once.
 */
record RealInfrastructure(TestDatabase database, List<String> extraTopics) implements ContextCustomizer {

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String service = context.getEnvironment().getProperty("spring.application.name", "service");
        Map<String, Object> properties = new HashMap<>(database.freshDatabase(service.replace("-service", "") + "_" + id));
        properties.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        properties.put("concord.topics.regions", "regions.v1-" + id);
        properties.put("concord.topics.agreements", "agreements.v1-" + id);
        properties.put("concord.topics.notifications", "notifications.v1-" + id);
        properties.put("concord.messaging.group", service + "-" + id);
        properties.put("concord.test.context-id", id);
        properties.putAll(Tokens.verification());
        TestKafka.createTopics(topics(id));
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("concordRealInfrastructure", properties));
        // a test acts as admin unless it sends a token of its own (Tokens.viewer(), Tokens.signatory(...))
        context.getBeanFactory().registerSingleton("concordTestAdminToken", (WebTestClientBuilderCustomizer) builder ->
                builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.admin()));
    }

    private List<NewTopic> topics(String id) {
        List<NewTopic> topics = new ArrayList<>();
        topics.add(new NewTopic("regions.v1-" + id, 1, (short) 1).configs(Map.of("cleanup.policy", "compact")));
        topics.add(new NewTopic("agreements.v1-" + id, 1, (short) 1));
        topics.add(new NewTopic("notifications.v1-" + id, 1, (short) 1));
        extraTopics.forEach(topic -> topics.add(new NewTopic(topic.replace("{id}", id), 1, (short) 1)));
        return topics;
    }
}
