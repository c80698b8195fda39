package org.concord.platform.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The topic names, read from configuration ({@code concord.topics.*}) so that operators can
 * rename them and each test context can have topics of its own.
 */
@ConfigurationProperties("concord.topics")
public record ConcordTopics(String regions, String agreements, String notifications) {
}
