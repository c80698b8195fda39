package org.concord.systemtests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What a Concord service's configuration files say: the platform defaults every service loads, then the
 * service's own {@code <service>.yml} on top. The environment variables a service reads are exactly the
 * {@code ${NAME...}} placeholders in those files whose name is in upper case (Spring resolves them from the
 * environment); relaxed binding of other names ({@code SERVER_PORT}) is deliberately not counted.
 */
final class ServiceSettings {

    /** The three services, each a module with its {@code <service>.yml}, built into an image by deploy/service/Dockerfile. */
    static final List<String> SERVICES = List.of("regions-service", "agreements-service", "notifications-service");

    static final String PLATFORM_DEFAULTS = "platform/src/main/resources/concord/platform-defaults.yml";

    private static final Pattern ENVIRONMENT_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern PROPERTY_PLACEHOLDER = Pattern.compile("\\$\\{([a-z][a-z0-9.\\-]*)(?::[^${}]*)?\\}");

    private final String service;
    private final List<Object> platformDefaults;
    private final List<Object> own;

    private ServiceSettings(String service, String platformDefaultsYaml, String ownYaml) {
        this.service = service;
        this.platformDefaults = loadAll(platformDefaultsYaml);
        this.own = loadAll(ownYaml);
    }

    static ServiceSettings of(String service) {
        return new ServiceSettings(service, RepositoryRoot.read(PLATFORM_DEFAULTS), RepositoryRoot.read(configFile(service)));
    }

    static String configFile(String service) {
        return service + "/src/main/resources/" + service + ".yml";
    }

    String service() {
        return service;
    }

    /** Every environment variable the service reads (platform defaults and its own file). */
    Set<String> environmentVariables() {
        Set<String> names = new TreeSet<>(environmentVariablesOf(platformDefaults));
        names.addAll(environmentVariablesOf(own));
        return names;
    }

    /** The environment variables the platform defaults read, i.e. those every service reads. */
    Set<String> platformEnvironmentVariables() {
        return environmentVariablesOf(platformDefaults);
    }

    /**
     * The dead-letter topic of every consumer binding ({@code <function>-in-0}): {@code <topic>.<service>.dlq}, the
     * platform's rule (DeadLetterTopics), with the binding's destination resolved against the service's settings.
     */
    Set<String> deadLetterTopics() {
        Map<String, String> properties = properties();
        String service = resolve(properties.get("spring.application.name"), properties);
        Set<String> topics = new TreeSet<>();
        properties.forEach((key, value) -> {
            if (key.matches("spring\\.cloud\\.stream\\.bindings\\.[A-Za-z]+-in-0\\.destination")) {
                topics.add(resolve(value, properties) + "." + service + ".dlq");
            }
        });
        return topics;
    }

    /** The topic names the services use ({@code concord.topics.*}), resolved. */
    Set<String> topics() {
        Map<String, String> properties = properties();
        Set<String> topics = new TreeSet<>();
        properties.forEach((key, value) -> {
            if (key.startsWith("concord.topics.")) {
                topics.add(resolve(value, properties));
            }
        });
        return topics;
    }

    /** Flattened settings, the service's own file overriding the platform defaults (as in Spring). */
    private Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        platformDefaults.forEach(document -> flatten("", document, properties));
        own.forEach(document -> flatten("", document, properties));
        return properties;
    }

    private String resolve(String value, Map<String, String> properties) {
        String resolved = value;
        for (int depth = 0; depth < 10; depth++) {
            Matcher matcher = PROPERTY_PLACEHOLDER.matcher(resolved);
            if (!matcher.find()) {
                return resolved;
            }
            String replacement = properties.get(matcher.group(1));
            if (replacement == null) {
                throw new IllegalStateException(service + ": cannot resolve ${" + matcher.group(1) + "} in " + value);
            }
            resolved = resolved.substring(0, matcher.start()) + replacement + resolved.substring(matcher.end());
        }
        throw new IllegalStateException(service + ": placeholders nested too deep in " + value);
    }

    static Set<String> environmentVariablesOf(List<Object> documents) {
        List<String> scalars = new ArrayList<>();
        documents.forEach(document -> collectScalars(document, scalars));
        Set<String> names = new TreeSet<>();
        for (String scalar : scalars) {
            Matcher matcher = ENVIRONMENT_PLACEHOLDER.matcher(scalar);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    static Set<String> environmentVariablesOfYaml(String yaml) {
        return environmentVariablesOf(loadAll(yaml));
    }

    static List<Object> loadAll(String yaml) {
        List<Object> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (document != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    private static void collectScalars(Object node, List<String> scalars) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> collectScalars(value, scalars));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collectScalars(value, scalars));
        } else if (node != null) {
            scalars.add(node.toString());
        }
    }

    private static void flatten(String prefix, Object node, Map<String, String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, value, into));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), into);
            }
        } else if (node != null) {
            into.put(prefix, node.toString());
        }
    }
}
