package org.concord.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The processes of one local stack and where each listens: {@code brokers} Kafka nodes (9092 with its controller on
 * 9093, the next nodes two ports further each), then {@code instances} of each service (8081-8083, the next
 * instances ten ports further each), then the gateway (8080) in front of the first instances. {@code portOffset} moves
 * every port at once, so a second stack (the fault suite's, a test's) never meets the one on the default ports.
 */
public record StackLayout(int brokers, int instances, int portOffset) {

    public static final int KAFKA_PORT = 9092;
    public static final int CONTROLLER_PORT = 9093;
    static final int INSTANCE_PORT_STEP = 10;

    /** One Kafka node (broker and KRaft controller in one process) of the stack's cluster. */
    public record KafkaNodeSpec(int nodeId, int clusterSize, int port, int controllerPort) {

        /** {@code kafka} for a single node, {@code kafka-1}... in a cluster: the log and process name. */
        public String name() {
            return clusterSize == 1 ? "kafka" : "kafka-" + nodeId;
        }

        public String address() {
            return "localhost:" + port;
        }
    }

    /** One running copy of a service, on its own port. */
    public record ServiceInstance(ServiceSpec service, int instance, int port) {

        /** {@code agreements-service}, {@code agreements-service-2}: the log and process name. */
        public String name() {
            return instance == 1 ? service.name() : service.name() + "-" + instance;
        }

        String tag() {
            return instance == 1 ? service.tag() : service.tag() + "-" + instance;
        }

        public java.net.URI url() {
            return java.net.URI.create("http://localhost:" + port);
        }

        public java.net.URI healthUrl() {
            return url().resolve("/actuator/health");
        }

        java.net.URI openApiUrl() {
            return url().resolve("/v3/api-docs");
        }

        /** The Prometheus scrape (admin token; the actuator shares the service's port on the local stack). */
        java.net.URI metricsUrl() {
            return url().resolve("/actuator/prometheus");
        }

        java.net.URI swaggerUiUrl() {
            return url().resolve("/swagger-ui.html");
        }
    }

    /** The highest port a stack with this offset may use (three brokers, the most instances). */
    static int highestPort(int portOffset) {
        int brokers = CONTROLLER_PORT + 2 * 2;
        int services = ServiceSpec.ALL.get(ServiceSpec.ALL.size() - 1).port() + INSTANCE_PORT_STEP * (LaunchOptions.MAX_INSTANCES - 1);
        return Math.max(brokers, services) + portOffset;
    }

    public List<KafkaNodeSpec> nodes() {
        List<KafkaNodeSpec> nodes = new ArrayList<>();
        for (int id = 1; id <= brokers; id++) {
            nodes.add(new KafkaNodeSpec(id, brokers, KAFKA_PORT + portOffset + 2 * (id - 1), CONTROLLER_PORT + portOffset + 2 * (id - 1)));
        }
        return nodes;
    }

    /** Every service instance, the first instances of all services before the second ones. */
    public List<ServiceInstance> services() {
        List<ServiceInstance> services = new ArrayList<>();
        for (int instance = 1; instance <= instances; instance++) {
            for (ServiceSpec service : ServiceSpec.ALL) {
                services.add(new ServiceInstance(service, instance, service.port() + portOffset + INSTANCE_PORT_STEP * (instance - 1)));
            }
        }
        return services;
    }

    /** The front door: one instance, in front of the first instance of each service. */
    public ServiceInstance gateway() {
        return new ServiceInstance(ServiceSpec.GATEWAY, 1, ServiceSpec.GATEWAY.port() + portOffset);
    }

    public List<ServiceInstance> instancesOf(String serviceName) {
        return services().stream().filter(instance -> instance.service().name().equals(serviceName)).toList();
    }

    /** A service instance or the gateway, by its process name. */
    public Optional<ServiceInstance> service(String name) {
        return Stream.concat(services().stream(), Stream.of(gateway())).filter(instance -> instance.name().equals(name)).findFirst();
    }

    public String bootstrapServers() {
        return nodes().stream().map(KafkaNodeSpec::address).collect(Collectors.joining(","));
    }

    /** Replicas per partition: three in a cluster of three, one on a single node. */
    public int replicationFactor() {
        return Math.min(brokers, 3);
    }

    /** In-sync replicas an {@code acks=all} write needs: two of three, so one node may be down. */
    public int minInsyncReplicas() {
        return replicationFactor() == 3 ? 2 : 1;
    }

    /** Every process name of the stack: the Kafka nodes first, then the services, then the gateway. */
    public List<String> processNames() {
        return Stream.of(nodes().stream().map(KafkaNodeSpec::name), services().stream().map(ServiceInstance::name),
                Stream.of(gateway().name())).flatMap(names -> names).toList();
    }
}
