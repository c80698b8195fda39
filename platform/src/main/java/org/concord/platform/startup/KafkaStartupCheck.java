package org.concord.platform.startup;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.InitializingBean;

/**
 * Fails the start of a service at once, with one clear line, when its Kafka broker cannot be reached, instead
 * of letting the producer, the binder and the consumers each log their own wall of retries.
 */
public class KafkaStartupCheck implements InitializingBean {

    private final String bootstrapServers;
    private final Duration timeout;

    public KafkaStartupCheck(String bootstrapServers, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
    }

    @Override
    public void afterPropertiesSet() {
        int millis = (int) timeout.toMillis();
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis))
                    .clusterId().get(millis + 1000L, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupCheckFailed("startup interrupted while contacting Kafka", "");
        } catch (Exception e) {
            throw new StartupCheckFailed(
                    "Kafka broker unreachable at " + bootstrapServers + " (no answer within " + timeout.toSeconds() + " s)",
                    "Start the broker (./concord up starts one) or set CONCORD_KAFKA_BOOTSTRAP_SERVERS to where it runs.");
        }
    }
}
